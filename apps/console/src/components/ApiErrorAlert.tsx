import { Alert } from 'antd';
import { ApiError, errorMessage } from '../api/errors';

/** The API's own message, with the fields it names, as the page shows a failed load or action. */
export function ApiErrorAlert({ error }: { error: unknown }) {
  if (!error) return null;
  const details = error instanceof ApiError ? error.details : [];
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={errorMessage(error)}
      description={details.length > 0 ? <ul style={{ margin: 0, paddingLeft: 20 }}>{details.map((d) => <li key={d.field + d.rule}>{d.message}</li>)}</ul> : undefined}
      style={{ marginBottom: 16 }}
    />
  );
}
