// docs/ci.md is copied into pipelines as it is: every YAML block must parse, and every certboard
// command in its blocks must use only commands, options and option values the CLI defines.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Command, Option } from "commander";
import type { Code, Root, RootContent } from "mdast";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { buildProgram } from "./cli";

const DOC = path.resolve(import.meta.dirname, "../docs/ci.md");

function codeBlocks(markdown: string): Code[] {
  const found: Code[] = [];
  const walk = (node: Root | RootContent) => {
    if (node.type === "code") found.push(node);
    if ("children" in node) for (const child of node.children) walk(child);
  };
  walk(unified().use(remarkParse).parse(markdown));
  return found;
}

/** Every string in a parsed YAML value (run:, script:, args: …), where shell commands live. */
function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === "object") return Object.values(value).flatMap(strings);
  return [];
}

/** Shell words of one line, quotes removed; operators (&& ; | ) >) as their own words. */
function shellWords(line: string): string[] {
  return [...line.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'|(&&|\|\||[;|()<>])|([^\s"';|&()<>]+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4] ?? "");
}

const OPERATORS = new Set(["&&", "||", ";", "|", "(", ")", "<", ">"]);
const isCertboard = (word: string) => word === "certboard" || word.endsWith("bin/certboard.mjs");

/** The certboard invocations in a text: a command that starts with certboard (or node …/bin/certboard.mjs) and a word. */
export function certboardCommands(text: string): string[][] {
  const commands: string[][] = [];
  for (const line of text.replace(/\\\n/g, " ").split("\n")) {
    const words = shellWords(line.replace(/#.*$/, ""));
    let start = true;
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      if (OPERATORS.has(word)) {
        start = true;
        continue;
      }
      if (start) {
        const program = word === "node" ? i + 1 : i;
        // A bare "certboard" is a folder name (path: certboard), not a command.
        if (isCertboard(words[program] ?? "") && words[program + 1] !== undefined && !OPERATORS.has(words[program + 1]!)) {
          const end = words.findIndex((w, j) => j > program && OPERATORS.has(w));
          commands.push(words.slice(program + 1, end === -1 ? undefined : end));
        }
      }
      start = false;
    }
  }
  return commands;
}

/** Problems with one invocation (arguments after the program name), checked against the CLI's definition. */
export function commandProblems(args: string[]): string[] {
  let command: Command = buildProgram();
  let rest = [...args];
  while (rest[0] && command.commands.some((c) => c.name() === rest[0])) {
    command = command.commands.find((c) => c.name() === rest[0])!;
    rest = rest.slice(1);
  }
  if (command.commands.length > 0) return [`"${args.join(" ")}": "${rest[0] ?? ""}" is not a command of certboard ${command.name()}`];
  const problems: string[] = [];
  const options = command.options as readonly Option[];
  while (rest.length) {
    const word = rest.shift()!;
    if (!word.startsWith("-") || word === "-") continue;
    const [flag, inline] = word.split(/=(.*)/s);
    const option = options.find((o) => o.long === flag || o.short === flag) ?? (flag === "--help" || flag === "-h" ? null : undefined);
    if (option === undefined) {
      problems.push(`certboard ${command.name()}: unknown option ${flag}`);
      continue;
    }
    if (!option || !(option.required || option.optional)) continue;
    const value = inline ?? rest.shift();
    if (value === undefined) problems.push(`certboard ${command.name()}: ${flag} needs a value`);
    // A shell or pipeline variable ($VAR, $(params.x)) is decided when the pipeline runs.
    else if (option.argChoices && !value.includes("$") && !option.argChoices.includes(value)) {
      problems.push(`certboard ${command.name()}: ${flag} ${value} is not one of ${option.argChoices.join(", ")}`);
    }
  }
  return problems;
}

describe("docs/ci.md", () => {
  const blocks = codeBlocks(readFileSync(DOC, "utf8"));
  const yamlBlocks = blocks.filter((block) => block.lang === "yaml");

  it("has YAML snippets for GitHub Actions, GitLab CI and a Tekton Task, each valid YAML", () => {
    const parsed = yamlBlocks.map((block) => {
      const documents = parseAllDocuments(block.value);
      const list = Array.isArray(documents) ? documents : [documents];
      for (const document of list) expect(document.errors.map((e) => e.message), block.value.slice(0, 60)).toEqual([]);
      return list.map((document) => document.toJS() as Record<string, unknown>);
    });
    const values = parsed.flat();
    expect(values.some((v) => typeof v.jobs === "object" && v.on !== undefined), "a GitHub Actions workflow").toBe(true);
    expect(values.some((v) => Object.values(v).some((job) => Array.isArray((job as { script?: unknown } | null)?.script))), "a GitLab CI job").toBe(true);
    expect(values.some((v) => v.apiVersion === "tekton.dev/v1" && v.kind === "Task"), "a Tekton Task").toBe(true);
  });

  it("uses only commands, options and values the CLI defines, and every pipeline fails on regression", () => {
    const fromYaml = yamlBlocks.map((block) => parseAllDocuments(block.value)).flatMap((d) => (Array.isArray(d) ? d : [d])).flatMap((d) => strings(d.toJS()).flatMap(certboardCommands));
    const fromShell = blocks.filter((block) => block.lang === "sh").flatMap((block) => certboardCommands(block.value));
    const uploads = fromYaml.filter((args) => args[0] === "upload");
    expect(uploads).toHaveLength(3);
    for (const args of uploads) expect(args.join(" ")).toMatch(/--fail-on (regressed|\$\(params\.fail-on\))$/);
    // The Tekton Task takes the condition as a parameter: regressed unless the pipeline says otherwise.
    const task = yamlBlocks.map((block) => parseAllDocuments(block.value)).flatMap((d) => (Array.isArray(d) ? d : [d])).map((d) => d.toJS() as { kind?: string; spec?: { params?: { name: string; default?: string }[] } }).find((v) => v.kind === "Task");
    expect(task?.spec?.params?.find((p) => p.name === "fail-on")?.default).toBe("regressed");
    expect(fromShell.map((args) => args.slice(0, 2).join(" "))).toEqual(expect.arrayContaining(["token create", "upload artifacts"]));
    expect([...fromYaml, ...fromShell].flatMap(commandProblems)).toEqual([]);
  });

  it("the checker finds what a wrong snippet would get wrong", () => {
    const text = 'npm ci && node certboard/bin/certboard.mjs upload out --fail-on sometimes --retry 3\ncertboard tokens create --name x\ngit -C certboard fetch origin\ncertboard';
    const commands = certboardCommands(text);
    expect(commands).toEqual([
      ["upload", "out", "--fail-on", "sometimes", "--retry", "3"],
      ["tokens", "create", "--name", "x"],
    ]);
    expect(commands.flatMap(commandProblems)).toEqual([
      "certboard upload: --fail-on sometimes is not one of failed, regressed, none",
      "certboard upload: unknown option --retry",
      '"tokens create --name x": "tokens" is not a command of certboard certboard',
    ]);
    expect(commandProblems(["token", "create", "--role=uploader", "--product", "a", "--name", "n"])).toEqual([]);
  });
});
