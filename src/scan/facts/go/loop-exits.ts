// Whether an endless loop (`for {}`, `for range ticker.C`) can end: a return, a break or goto that leaves it,
// or a receive on something that signals shutdown (`ctx.Done()`, a done/quit/stop channel).
import type { SyntaxNode } from './parser.js';
import { compact } from './syntax-text.js';

const shutdownChannel = /done|quit|stop|exit|shutdown|clos|cancel|term|kill|finish/i;

/** Statements a plain `break` would leave instead of the loop we are looking at. */
const breakTargets: ReadonlySet<string> = new Set([
  'for_statement',
  'select_statement',
  'expression_switch_statement',
  'type_switch_statement',
]);

export function loopBodyHasExit(body: SyntaxNode, source: string, label: string | null): boolean {
  const search = (node: SyntaxNode, nestedBreakTargets: number): boolean => {
    switch (node.type) {
      case 'func_literal':
        // A closure's return leaves the closure, not the loop.
        return false;
      case 'return_statement':
      case 'goto_statement':
        return true;
      case 'break_statement': {
        const target = node.children.find((child) => child.type === 'label_name');
        if (target) return label !== null && source.slice(target.start, target.end) === label;
        return nestedBreakTargets === 0;
      }
      case 'call_expression': {
        const callee = node.children.find((child) => child.field === 'function');
        if (callee && /(^|\.)Done$/.test(compact(source.slice(callee.start, callee.end)))) return true;
        break;
      }
      case 'unary_expression': {
        const text = source.slice(node.start, node.end);
        if (text.startsWith('<-') && shutdownChannel.test(text)) return true;
        break;
      }
    }
    const inner = breakTargets.has(node.type) ? nestedBreakTargets + 1 : nestedBreakTargets;
    for (const child of node.children) if (search(child, inner)) return true;
    return false;
  };
  return search(body, 0);
}

/** `for range t.C` / `for range time.Tick(d)`: a timer channel that is never closed. */
export function isTimerChannel(rangeExpression: string): boolean {
  return /\.C$/.test(rangeExpression) || /(^|\.)Tick\(/.test(rangeExpression);
}

/** Names people give channels, used when the declaration is not in view. */
export function looksLikeChannelName(name: string): boolean {
  return /^(ch|c|queue|jobs|tasks|events|msgs|messages|work)$|(Ch|Chan|chan)$/.test(name);
}
