import { InlineMarkdown } from "@/components/markdown";
import type { PhaseTask } from "@/lib/backlog/schema";

/** The plan's task list for a phase, as imported (its markdown rendered); ticking happens in the document, not here. */
export function PhaseBoardTasks({ tasks }: { tasks: PhaseTask[] }) {
  if (tasks.length === 0) return <p className="text-sm text-muted">This phase lists no tasks.</p>;
  return (
    <ul className="space-y-2" aria-label="Phase tasks">
      {tasks.map((task, index) => (
        <li key={`${index}-${task.title}`} className="flex gap-2 text-sm">
          {/* Named by the rendered title, so a screen reader reads its words, not its markdown. */}
          <input type="checkbox" checked={task.done} readOnly disabled aria-labelledby={`phase-task-${index}`} className="mt-0.5" />
          <div>
            <span id={`phase-task-${index}`} className={task.done ? "text-muted line-through" : ""}>
              <InlineMarkdown>{task.title}</InlineMarkdown>
            </span>
            {task.estimateText && <span className="ml-2 text-xs text-muted">({task.estimateText})</span>}
            {task.details.length > 0 && (
              <ul className="ml-4 mt-1 list-disc text-xs text-muted">
                {task.details.map((detail, i) => (
                  <li key={i}>
                    <InlineMarkdown>{detail}</InlineMarkdown>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
