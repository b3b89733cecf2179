type Props = {
  title: string;
  error: { message: string } | null | undefined;
  onRetry?: () => void;
};

export function ErrorState({ title, error, onRetry }: Props) {
  return (
    <div role="alert" className="state state--error">
      <p className="state__title">{title}</p>
      {error?.message && <p className="state__detail">{error.message}</p>}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
