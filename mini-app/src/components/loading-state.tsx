import { Spinner } from "zmp-ui";

export function LoadingState(props: { text: string }) {
  return (
    <div className="loading-state" role="status" aria-live="polite" data-testid="loading">
      <Spinner visible />
      <p>{props.text}</p>
    </div>
  );
}
