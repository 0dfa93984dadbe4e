import { useState } from 'react';
import { App, Button } from 'antd';
import { saveDownload } from '../api/download';
import { errorMessage } from '../api/errors';

type FileCall = () => Promise<{ data?: Blob; error?: unknown; response: Response }>;

/** A button that saves a file the API answers (`call` with `parseAs: 'blob'`); a refusal shows the API's message. */
export function DownloadButton({ call, fallbackName, label = '导出 Excel' }: { call: FileCall; fallbackName: string; label?: string }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  async function download() {
    setBusy(true);
    try {
      await saveDownload(call(), fallbackName);
    } catch (e) {
      message.error(errorMessage(e), 8);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Button loading={busy} onClick={() => void download()}>
      {label}
    </Button>
  );
}
