import ReactMarkdown from "react-markdown";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import type { PluggableList } from "unified";

/**
 * Renders untrusted markdown (imported documents, user edits): raw HTML is sanitized away.
 * `remarkPlugins` (e.g. comment mentions) run after GFM and before the sanitizer.
 */
export function Markdown({ children, remarkPlugins = [] }: { children: string; remarkPlugins?: PluggableList }) {
  return (
    <div className="prose-cb text-sm leading-relaxed">
      <ReactMarkdown remarkPlugins={[remarkGfm, ...remarkPlugins]} rehypePlugins={[rehypeSanitize]}>
        {children}
      </ReactMarkdown>
    </div>
  );
}
