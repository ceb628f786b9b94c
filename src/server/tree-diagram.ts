// Lays a decision tree out as an SVG diagram (left to right), with the walked path marked.
// Shared subtrees are drawn once per way in, as the source document draws its tree; options that lead to
// the same place share one edge with all their labels. Pure: the template only prints the coordinates.
import type { Answers, TreeData } from '../decide/index.js';

export interface DiagramText {
  x: number;
  y: number;
  text: string;
}

export interface DiagramNode {
  kind: 'question' | 'outcome';
  id: string;
  /** The full text, for the tooltip and screen readers. */
  title: string;
  x: number;
  y: number;
  width: number;
  height: number;
  lines: DiagramText[];
  onPath: boolean;
}

export interface DiagramEdge {
  from: string;
  to: string;
  d: string;
  labels: DiagramText[];
  /** All option labels on this edge, untruncated. */
  title: string;
  onPath: boolean;
}

export interface TreeDiagram {
  width: number;
  height: number;
  nodes: DiagramNode[];
  edges: DiagramEdge[];
}

const NODE_W = 204;
const NODE_H = 50;
const COL_GAP = 164;
const ROW_H = 76;
const PAD = 16;
const LINE_H = 16;
const NODE_CHARS = 22;
const LABEL_CHARS = 23;
const MAX_LABEL_LINES = 3;

interface Expanded {
  id: string;
  kind: 'question' | 'outcome';
  title: string;
  depth: number;
  onPath: boolean;
  children: { options: string[]; labels: string[]; onPath: boolean; node: Expanded }[];
  row: number;
}

/** Builds the diagram; `answers` (optional) marks the path they walk. */
export function layoutTreeDiagram(tree: TreeData, answers: Answers = {}): TreeDiagram {
  let nextLeafRow = 0;
  const questions = new Map(tree.questions.map((q) => [q.id, q]));
  const outcomes = new Map(tree.outcomes.map((o) => [o.id, o]));
  const answered = Object.keys(answers).length > 0;

  const expand = (id: string, depth: number, onPath: boolean): Expanded => {
    const question = questions.get(id);
    if (!question) {
      const outcome = outcomes.get(id);
      return {
        id,
        kind: 'outcome',
        title: outcome?.title ?? id,
        depth,
        onPath,
        children: [],
        row: nextLeafRow++,
      };
    }
    const groups = new Map<string, { options: string[]; labels: string[] }>();
    for (const option of question.options) {
      const group = groups.get(option.next) ?? { options: [], labels: [] };
      group.options.push(option.id);
      group.labels.push(option.label);
      groups.set(option.next, group);
    }
    const children = [...groups.entries()].map(([next, group]) => {
      const edgeOnPath = onPath && group.options.includes(answers[id] ?? '');
      return { ...group, onPath: edgeOnPath, node: expand(next, depth + 1, edgeOnPath) };
    });
    const rows = children.map((c) => c.node.row);
    const row = (Math.min(...rows) + Math.max(...rows)) / 2;
    return { id, kind: 'question', title: question.text, depth, onPath, children, row };
  };

  const root = expand(tree.start, 0, answered);
  const nodes: DiagramNode[] = [];
  const edges: DiagramEdge[] = [];
  let maxDepth = 0;

  const place = (n: Expanded): DiagramNode => {
    maxDepth = Math.max(maxDepth, n.depth);
    const x = PAD + n.depth * (NODE_W + COL_GAP);
    const y = PAD + LINE_H * MAX_LABEL_LINES + n.row * ROW_H;
    const wrapped = wrap(n.title, NODE_CHARS, 2);
    const firstBaseline = y + NODE_H / 2 - ((wrapped.length - 1) * LINE_H) / 2 + 5;
    const node: DiagramNode = {
      kind: n.kind,
      id: n.id,
      title: n.title,
      x,
      y,
      width: NODE_W,
      height: NODE_H,
      lines: wrapped.map((text, i) => ({ x: x + NODE_W / 2, y: firstBaseline + i * LINE_H, text })),
      onPath: n.onPath,
    };
    nodes.push(node);
    for (const child of n.children) {
      const to = place(child.node);
      const x1 = x + NODE_W;
      const y1 = y + NODE_H / 2;
      const x2 = to.x;
      const y2 = to.y + NODE_H / 2;
      const bend = COL_GAP / 2;
      const shown = child.labels.slice(0, MAX_LABEL_LINES);
      if (child.labels.length > MAX_LABEL_LINES) {
        shown[MAX_LABEL_LINES - 1] = `+${child.labels.length - MAX_LABEL_LINES + 1} more`;
      }
      edges.push({
        from: n.id,
        to: child.node.id,
        d: `M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}`,
        labels: shown.map((label, i) => ({
          x: x2 - 8,
          y: y2 - 7 - (shown.length - 1 - i) * LINE_H,
          text: truncate(label, LABEL_CHARS),
        })),
        title: child.labels.join(' · '),
        onPath: child.onPath,
      });
    }
    return node;
  };
  place(root);

  // Path last, so its highlighted strokes are drawn over the others.
  edges.sort((a, b) => Number(a.onPath) - Number(b.onPath));
  return {
    width: PAD * 2 + (maxDepth + 1) * NODE_W + maxDepth * COL_GAP,
    height: PAD * 2 + LINE_H * MAX_LABEL_LINES + Math.max(nextLeafRow - 1, 0) * ROW_H + NODE_H,
    nodes,
    edges,
  };
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** Greedy word wrap into at most `maxLines` lines; the last line is cut with an ellipsis if needed. */
export function wrap(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let current = '';
  const words = text.split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const candidate = current ? `${current} ${word}` : word;
    if (candidate.length <= width || !current) {
      current = candidate;
      continue;
    }
    lines.push(current);
    current = word;
    if (lines.length === maxLines - 1) {
      current = words.slice(i).join(' ');
      break;
    }
  }
  if (current) lines.push(current);
  return lines.map((line, i) => (i === lines.length - 1 ? truncate(line, width) : line));
}
