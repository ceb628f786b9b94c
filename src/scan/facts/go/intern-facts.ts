// Shares repeated strings between fact records once they reach the main thread. Facts cross from workers
// by structured clone, which copies every string, so the thousands of `ctx`, `fmt.Errorf` and `net/http`
// values of a large repository would each be a separate copy; one table per scan keeps a single one.
import type { GoAssignment, GoFileFacts } from '../../types.js';

/** Longer strings rarely repeat; interning them would only grow the table. */
const internMaxLength = 64;
/** Argument lists this short repeat a lot (`()`, `(ctx)`, `(err)`); longer ones are kept as they are. */
const sharedArgsMax = 3;

/** Files without selector assignments share one frozen empty list. */
const noAssignments: GoAssignment[] = Object.freeze([]) as unknown as GoAssignment[];

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
    for (const item of facts.imports) {
      item.path = this.get(item.path);
      item.name = this.get(item.name);
    }
    for (const fn of facts.funcs) {
      for (const param of fn.params) {
        param.name = this.get(param.name);
        param.type = this.get(param.type);
      }
      fn.results = fn.results.map((result) => this.get(result));
    }
    for (const call of facts.calls) {
      call.callee = this.get(call.callee);
      call.name = this.get(call.name);
      call.recv = this.get(call.recv);
      call.pkg = this.get(call.pkg);
      call.func = this.get(call.func);
      call.args = this.args(call.args);
      if (call.assignedTo !== undefined) call.assignedTo = this.get(call.assignedTo);
    }
    for (const composite of facts.composites) {
      composite.type = this.get(composite.type);
      composite.pkg = this.get(composite.pkg);
      composite.typeName = this.get(composite.typeName);
      composite.func = this.get(composite.func);
      if (composite.assignedTo !== undefined) composite.assignedTo = this.get(composite.assignedTo);
    }
    for (const item of facts.strings) item.value = this.get(item.value);
    for (const stmt of facts.goStmts) {
      stmt.func = this.get(stmt.func);
      stmt.callee = this.get(stmt.callee);
    }
    for (const stmt of facts.deferStmts ?? []) {
      stmt.func = this.get(stmt.func);
      stmt.callee = this.get(stmt.callee);
    }
    for (const selector of facts.selectors) {
      selector.text = this.get(selector.text);
      selector.pkg = this.get(selector.pkg);
    }
    if (facts.assignments?.length === 0) facts.assignments = noAssignments;
    for (const assignment of facts.assignments ?? []) {
      assignment.lhs = this.get(assignment.lhs);
      assignment.field = this.get(assignment.field);
      assignment.rhs = this.get(assignment.rhs);
      assignment.op = this.get(assignment.op);
      assignment.func = this.get(assignment.func);
    }
    return facts;
  }
}
