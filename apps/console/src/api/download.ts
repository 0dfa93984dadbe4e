import { unwrap } from './client';

/** The name the API gave the file (RFC 5987 filename*), else `fallback`. */
function filenameOf(disposition: string | null, fallback: string): string {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  return encoded ? decodeURIComponent(encoded[1]) : fallback;
}

/**
 * Saves a file the API answers. A link cannot carry the bearer token, so the typed client fetches
 * it (`parseAs: 'blob'`, the session's token and 401 handling included) and the browser is handed
 * the blob to save. Refusals throw an ApiError with the API's message, like any call.
 */
export async function saveDownload(call: Promise<{ data?: Blob; error?: unknown; response: Response }>, fallbackName: string): Promise<void> {
  let disposition: string | null = null;
  const blob = await unwrap(
    call.then((result) => {
      disposition = result.response.headers.get('content-disposition');
      return result;
    }),
  );
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = filenameOf(disposition, fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled.
  setTimeout(() => URL.revokeObjectURL(href), 1000);
}
