import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

type Props = {
  /** What the button loads, e.g. "Show older tags". */
  label: string;
  /** Where the list stands, read out as it changes, e.g. "Showing 50 of 500 tags." */
  status: string;
  hasMore: boolean;
  loading: boolean;
  error: Error | null;
  onLoad: () => void;
  testId: string;
};

/**
 * The button under a paged list. It stays focusable while a page loads (aria-disabled, not
 * disabled, so keyboard focus is not lost), and a failed load says why and offers the same button again.
 */
export function LoadMore({ label, status, hasMore, loading, error, onLoad, testId }: Props) {
  return (
    <div className="mt-3 space-y-2">
      {error && (
        <Alert title={`${label} failed`}>
          {error.message} Try again.
        </Alert>
      )}
      <div className="flex flex-wrap items-center gap-3 text-xs text-muted">
        <p aria-live="polite" data-testid={`${testId}-status`}>
          {loading ? "Loading…" : status}
        </p>
        {hasMore && (
          <Button
            size="sm"
            variant="secondary"
            aria-disabled={loading}
            aria-busy={loading}
            onClick={() => !loading && onLoad()}
            data-testid={testId}
          >
            {loading ? "Loading…" : label}
          </Button>
        )}
      </div>
    </div>
  );
}
