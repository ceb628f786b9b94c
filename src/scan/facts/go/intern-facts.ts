// Shares repeated strings between fact records once they reach the main thread. Facts cross from workers
// by structured clone, which copies every string, so the thousands of `ctx`, `fmt.Errorf` and `net/http`
// values of a large repository would each be a separate copy; one table per scan keeps a single one.
import type { GoAssignment, GoCall, GoFileFacts, GoFunc } from '../../types.js';

/** Longer strings rarely repeat; interning them would only grow the table. */
const internMaxLength = 64;
/** Argument lists this short repeat a lot (`()`, `(ctx)`, `(err)`); longer ones are kept as they are. */
const sharedArgsMax = 3;

/** Files without selector assignments share one frozen empty list. */
const noAssignments: GoAssignment[] = Object.freeze([]) as unknown as GoAssignment[];

/** Empty lists (no panics, no results, no parameters) are most lists: they all share this frozen one. */
const none: never[] = Object.freeze([]) as unknown as never[];

/**
 * Records that crossed from a worker are rebuilt as object literals. The structured clone makes plain
 * objects with room for four properties in the object and the rest in a separate, padded property array;
 * a literal holds all its properties in the object, which makes each call record about a quarter smaller.
 */
function callRecord(call: GoCall, strings: StringTable): GoCall {
  const record: GoCall = {
    callee: strings.get(call.callee),
    name: strings.get(call.name),
    recv: strings.get(call.recv),
    pkg: strings.get(call.pkg),
    line: call.line,
    args: strings.args(call.args),
    func: strings.get(call.func),
    inDefer: call.inDefer,
    inGo: call.inGo,
  };
  if (call.assignedTo !== undefined) record.assignedTo = strings.get(call.assignedTo);
  return record;
}

function funcRecord(fn: GoFunc, strings: StringTable): GoFunc {
  return {
    name: strings.get(fn.name),
    receiver: strings.get(fn.receiver),
    exported: fn.exported,
    line: fn.line,
    endLine: fn.endLine,
    params:
      fn.params.length === 0
        ? none
        : fn.params.map((param) => ({ name: strings.get(param.name), type: strings.get(param.type) })),
    results: fn.results.length === 0 ? none : fn.results.map((result) => strings.get(result)),
    panicLines: fn.panicLines.length === 0 ? none : fn.panicLines,
    defersRecover: fn.defersRecover,
    nilNilReturns: fn.nilNilReturns.length === 0 ? none : fn.nilNilReturns,
  };
}

export class StringTable {
  private readonly table = new Map<string, string>();
  private readonly argLists = new Map<string, string[]>();

  /**
   * One frozen array per distinct short argument list. Facts are read-only for checks, and freezing makes
   * an accidental write fail loudly instead of changing other calls' arguments.
   */
  args(args: string[]): string[] {
    if (args.length > sharedArgsMax) return args.map((arg) => this.get(arg));
    const key = args.join('\u0000');
    if (key.length > internMaxLength) return args.map((arg) => this.get(arg));
    const known = this.argLists.get(key);
    if (known) return known;
    const shared = Object.freeze(args.map((arg) => this.get(arg))) as string[];
    this.argLists.set(key, shared);
    return shared;
  }

  get<T extends string | null>(value: T): T {
    if (value === null || value.length > internMaxLength) return value;
    const known = this.table.get(value);
    if (known !== undefined) return known as T;
    this.table.set(value, value);
    return value;
  }

  /** Replaces the repeated strings of one file's facts in place and returns them. */
  facts(facts: GoFileFacts): GoFileFacts {
    facts.package = this.get(facts.package);
    facts.dir = this.get(facts.dir);
    // Small records too: a literal with two or three properties has no empty slots.
    facts.imports = facts.imports.map((item) => ({
      path: this.get(item.path),
      name: this.get(item.name),
      line: item.line,
    }));
    facts.funcs = facts.funcs.map((fn) => funcRecord(fn, this));
    facts.calls = facts.calls.map((call) => callRecord(call, this));
    for (const composite of facts.composites) {
      composite.type = this.get(composite.type);
      composite.pkg = this.get(composite.pkg);
      composite.typeName = this.get(composite.typeName);
      composite.func = this.get(composite.func);
      if (composite.assignedTo !== undefined) composite.assignedTo = this.get(composite.assignedTo);
    }
    facts.strings = facts.strings.map((item) => ({ value: this.get(item.value), line: item.line }));
    for (const stmt of facts.goStmts) {
      stmt.func = this.get(stmt.func);
      stmt.callee = this.get(stmt.callee);
    }
    if (facts.deferStmts !== undefined) {
      facts.deferStmts = facts.deferStmts.map((stmt) => ({
        line: stmt.line,
        func: this.get(stmt.func),
        callee: this.get(stmt.callee),
        inLoop: stmt.inLoop,
        capturedLoopVars: stmt.capturedLoopVars.length === 0 ? none : stmt.capturedLoopVars,
      }));
    }
    facts.selectors = facts.selectors.map((selector) => ({
      text: this.get(selector.text),
      pkg: this.get(selector.pkg),
      line: selector.line,
    }));
    if (facts.assignments?.length === 0) facts.assignments = noAssignments;
    else if (facts.assignments !== undefined) {
      facts.assignments = facts.assignments.map((assignment) => ({
        lhs: this.get(assignment.lhs),
        field: this.get(assignment.field),
        rhs: this.get(assignment.rhs),
        op: this.get(assignment.op),
        line: assignment.line,
        func: this.get(assignment.func),
      }));
    }
    return facts;
  }
}
