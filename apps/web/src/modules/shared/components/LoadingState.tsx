type Props = {
  label: string;
};

export function LoadingState({ label }: Props) {
  return (
    <p role="status" className="state state--loading">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}
