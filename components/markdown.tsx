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

/**
 * One line of untrusted markdown (a plan's task and its details) rendered in place: inline code,
 * emphasis and links, without the paragraph a block would wrap it in.
 */
export function InlineMarkdown({ children }: { children: string }) {
  return (
    <span className="prose-cb">
      <ReactMarkdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeSanitize]} disallowedElements={["p"]} unwrapDisallowed>
        {children}
      </ReactMarkdown>
    </span>
  );
}
