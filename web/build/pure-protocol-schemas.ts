import ts from 'typescript';
import type { Plugin } from 'vite';

/**
 * Marks the protocol's top-level schema constructions as pure, so a page that uses only the
 * protocol's plain functions (checkAnswer, parseJoinCode, …) does not ship zod and every schema.
 * Without it the audience page cannot stay under its 60 KB budget. Remove once the protocol
 * annotates itself (see PROTOCOL-REQUESTS.md).
 */
export function pureProtocolSchemas(protocolDir: string): Plugin {
  return {
    name: 'ettor-pure-protocol-schemas',
    enforce: 'pre',
    transform(code, id) {
      if (!id.startsWith(protocolDir) || !id.endsWith('.ts')) return null;
      const source = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true);
      const edits: { start: number; end: number }[] = [];
      for (const statement of source.statements) {
        if (!ts.isVariableStatement(statement)) continue;
        for (const declaration of statement.declarationList.declarations) {
          const init = declaration.initializer;
          if (init && buildsSchema(init)) edits.push({ start: init.getStart(source), end: init.getEnd() });
        }
      }
      if (edits.length === 0) return null;
      let result = code;
      for (const { start, end } of edits.reverse()) {
        result = `${result.slice(0, start)}/* @__PURE__ */ (() => (${result.slice(start, end)}))()${result.slice(end)}`;
      }
      return { code: result, map: null };
    },
  };
}

/** True for initializers that call something (schema builders), but not for functions or plain data. */
function buildsSchema(node: ts.Expression): boolean {
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return false;
  let calls = false;
  const visit = (child: ts.Node): void => {
    if (calls || ts.isArrowFunction(child) || ts.isFunctionExpression(child)) return;
    if (ts.isCallExpression(child) || ts.isNewExpression(child)) calls = true;
    else ts.forEachChild(child, visit);
  };
  visit(node);
  return calls;
}
