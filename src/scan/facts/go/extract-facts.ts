// Turns one Go file's syntax tree into its compact fact record in a single pass: imports, functions, calls,
// composite literals, strings, go/defer statements with their loop captures, and tests. A lexical scope
// stack lets the pass tell loop variables, channels, *testing.T values and shadowed imports apart.
import path from 'node:path';
import type {
  GoAssignment,
  GoCall,
  GoComposite,
  GoDeferStmt,
  GoFileFacts,
  GoFunc,
  GoImport,
  GoParam,
  GoSelectorUse,
  GoStmt,
  GoString,
  GoTestFunc,
} from '../../types.js';
import { defaultImportName } from './import-names.js';
import { isTimerChannel, looksLikeChannelName, loopBodyHasExit } from './loop-exits.js';
import type { SyntaxNode } from './parser.js';
import { loopVarDeclaration, plainDeclaration, ScopeStack } from './scopes.js';
import type { Declaration } from './scopes.js';
import {
  childrenOf,
  collapse,
  compact,
  firstChild,
  LineIndex,
  stringValue,
  truncate,
} from './syntax-text.js';

const calleeMax = 120;
const argMax = 200;
const stringMax = 200;

export interface SourceFile {
  /** Repo-relative posix path. */
  path: string;
  source: string;
  /** Size on disk; measured from the text when not given. */
  bytes?: number;
  hasSyntaxErrors: boolean;
}

/** Per-function state while its body is walked. */
interface FuncFrame {
  fact: GoFunc;
  /** `for` loops entered inside this function (not counting loops around an enclosing func literal). */
  loopDepth: number;
  /** The frame whose `defer` started this func literal, so its recover() counts for that frame. */
  deferredBy: FuncFrame | null;
  endless: boolean;
  everyLoopExits: boolean;
  /** Named functions this frame defers (`defer handlePanic()`), resolved against the file afterwards. */
  deferredNames: string[];
  callsRecover: boolean;
}

/** A go/defer func literal whose references to outer loop variables are being collected. */
interface CaptureFrame {
  scopeDepth: number;
  captured: Set<string>;
}

interface TestFrame {
  fact: GoTestFunc;
  /** Range loops around the current position, across nested func literals of the test. */
  rangeDepth: number;
}

/**
 * Calls not recorded: the bookkeeping builtins and conversions to predeclared types are a large share of
 * all calls in Go code and no check reads them (`make`, `new`, `panic`, `recover`, `print` are kept).
 */
const unrecordedCallees: ReadonlySet<string> = new Set([
  'len',
  'cap',
  'append',
  'copy',
  'delete',
  'clear',
  'min',
  'max',
  'complex',
  'real',
  'imag',
  'string',
  'bool',
  'byte',
  'rune',
  'int',
  'int8',
  'int16',
  'int32',
  'int64',
  'uint',
  'uint8',
  'uint16',
  'uint32',
  'uint64',
  'uintptr',
  'float32',
  'float64',
  'complex64',
  'complex128',
]);

const testPrefixes: readonly [string, GoTestFunc['kind'], string | null][] = [
  ['Test', 'test', 'T'],
  ['Fuzz', 'fuzz', 'F'],
  ['Benchmark', 'benchmark', 'B'],
  ['Example', 'example', null],
];

const scopeOpeners: ReadonlySet<string> = new Set([
  'block',
  'if_statement',
  'expression_switch_statement',
  'type_switch_statement',
  'select_statement',
  'expression_case',
  'type_case',
  'default_case',
  'communication_case',
]);

export function extractGoFacts(file: SourceFile, root: SyntaxNode): GoFileFacts {
  return new FactExtractor(file).run(root);
}

class FactExtractor {
  private readonly source: string;
  private readonly lines: LineIndex;
  private readonly scopes = new ScopeStack();
  private readonly importsByName = new Map<string, string>();
  private testingName: string | null = null;

  private readonly imports: GoImport[] = [];
  private readonly funcs: GoFunc[] = [];
  private readonly calls: GoCall[] = [];
  private readonly composites: GoComposite[] = [];
  private readonly strings: GoString[] = [];
  private readonly goStmts: GoStmt[] = [];
  private readonly deferStmts: GoDeferStmt[] = [];
  private readonly tests: GoTestFunc[] = [];
  private readonly selectors: GoSelectorUse[] = [];
  private readonly assignments: GoAssignment[] = [];

  private topName: string | null = null;
  private literalCount = 0;
  private readonly frames: FuncFrame[] = [];
  private readonly allFrames: FuncFrame[] = [];
  private readonly captures: CaptureFrame[] = [];
  private test: TestFrame | null = null;
  private packageName = '';
  private packageStart = 0;

  /** Top-level frames by plain name (`worker`) and by `.method`, for `go worker()` / `go s.loop()`. */
  private readonly namedFrames = new Map<string, FuncFrame>();
  private readonly pendingNamedGo: { stmt: GoStmt; key: string }[] = [];

  constructor(private readonly file: SourceFile) {
    this.source = file.source;
    this.lines = new LineIndex(file.source);
  }

  run(root: SyntaxNode): GoFileFacts {
    // Imports first: calls anywhere in the file resolve through them.
    for (const node of root.children) {
      if (node.type === 'package_clause') {
        const name = node.children.find((child) => child.type === 'package_identifier');
        if (name) this.packageName = this.text(name);
        this.packageStart = node.start;
      } else if (node.type === 'import_declaration') this.collectImports(node);
    }
    for (const node of root.children) {
      if (node.type !== 'package_clause' && node.type !== 'import_declaration') this.visit(node);
    }
    this.resolveNamedFunctions();

    const facts: GoFileFacts = {
      path: this.file.path,
      dir: posixDir(this.file.path),
      package: this.packageName,
      isTest: this.file.path.endsWith('_test.go'),
      buildConstraint: this.buildConstraint(),
      lines: this.lines.lineCount,
      bytes: this.file.bytes ?? Buffer.byteLength(this.source, 'utf8'),
      imports: this.imports,
      funcs: this.funcs,
      calls: this.calls,
      composites: this.composites,
      strings: this.strings,
      goStmts: this.goStmts,
      deferStmts: this.deferStmts,
      tests: this.tests,
      selectors: this.selectors,
      assignments: this.assignments,
      hasSyntaxErrors: this.file.hasSyntaxErrors,
    };
    return facts;
  }

  // ------------------------------------------------------------------------------------------------
  // Plumbing

  private text(node: SyntaxNode): string {
    return this.source.slice(node.start, node.end);
  }

  private line(node: SyntaxNode): number {
    return this.lines.lineOf(node.start);
  }

  private get frame(): FuncFrame | undefined {
    return this.frames[this.frames.length - 1];
  }

  /** `Server.Run` for methods, the plain name for functions, null at package level. */
  private get funcKey(): string | null {
    return this.topName;
  }

  private visitChildren(node: SyntaxNode): void {
    for (const child of node.children) this.visit(child);
  }

  private visit(node: SyntaxNode): void {
    switch (node.type) {
      case 'function_declaration':
      case 'method_declaration':
        this.visitTopFunction(node);
        return;
      case 'func_literal':
        this.visitFunction(node, null);
        return;
      case 'call_expression':
        this.visitCall(node, false, false);
        return;
      case 'go_statement':
      case 'defer_statement':
        this.visitGoOrDefer(node);
        return;
      case 'for_statement':
        this.visitFor(node, null);
        return;
      case 'labeled_statement': {
        const label = node.children.find((child) => child.type === 'label_name');
        for (const child of node.children) {
          if (child.type === 'for_statement') this.visitFor(child, label ? this.text(label) : null);
          else if (child.type !== 'label_name') this.visit(child);
        }
        return;
      }
      case 'composite_literal':
        this.visitComposite(node);
        return;
      case 'keyed_element':
        this.visitKeyedElement(node);
        return;
      case 'interpreted_string_literal':
      case 'raw_string_literal':
        this.recordString(node);
        return;
      case 'selector_expression':
        this.visitSelector(node);
        return;
      case 'identifier':
        this.reference(node);
        return;
      case 'short_var_declaration':
        this.visitShortVar(node, plainDeclaration);
        return;
      case 'assignment_statement':
        this.visitAssignment(node);
        return;
      case 'var_spec':
      case 'const_spec':
        this.visitSpec(node);
        return;
      case 'receive_statement':
        this.visitReceive(node);
        return;
      case 'return_statement':
        this.checkNilNilReturn(node);
        this.visitChildren(node);
        return;
      case 'type_declaration':
      case 'type_spec':
      case 'type_alias':
      case 'import_declaration':
      case 'label_name':
      case 'field_identifier':
      case 'type_identifier':
      case 'package_identifier':
        // Types carry no facts we keep (struct tags do; they are reached through field declarations).
        if (node.type === 'type_declaration' || node.type === 'type_spec') this.visitTypeForTags(node);
        return;
      default:
        if (scopeOpeners.has(node.type)) {
          this.scopes.push();
          if (node.type === 'type_switch_statement') this.visitTypeSwitch(node);
          else this.visitChildren(node);
          this.scopes.pop();
          return;
        }
        this.visitChildren(node);
    }
  }

  // ------------------------------------------------------------------------------------------------
  // Imports and package names

  private collectImports(node: SyntaxNode): void {
    for (const child of node.children) {
      if (child.type === 'import_spec_list') this.collectImports(child);
      else if (child.type === 'import_spec') {
        const pathNode = firstChild(child, 'path');
        if (!pathNode) continue;
        const importPath = stringValue(this.text(pathNode));
        const nameNode = firstChild(child, 'name');
        const name = nameNode ? this.text(nameNode) : defaultImportName(importPath);
        this.imports.push({ path: importPath, name, line: this.line(child) });
        if (name !== '_' && name !== '.') this.importsByName.set(name, importPath);
        if (importPath === 'testing' && name !== '_' && name !== '.') this.testingName = name;
      }
    }
  }

  /** Import path for a package name used in this file, unless a local declaration shadows it. */
  private packageOf(name: string): string | null {
    const importPath = this.importsByName.get(name);
    if (importPath === undefined) return null;
    return this.scopes.resolve(name) ? null : importPath;
  }

  private buildConstraint(): string | null {
    const head = this.source.slice(0, this.packageStart || this.source.length);
    const match = /^\/\/go:build[ \t]+(.+?)[ \t\r]*$/m.exec(head);
    return match ? match[1]! : null;
  }

  // ------------------------------------------------------------------------------------------------
  // Functions

  private visitTopFunction(node: SyntaxNode): void {
    const nameNode = firstChild(node, 'name');
    const name = nameNode ? this.text(nameNode) : '';
    const receiver = node.type === 'method_declaration' ? this.receiverType(node) : null;
    this.topName = receiver ? `${receiver}.${name}` : name;
    this.literalCount = 0;
    this.test = this.startTest(node, name, receiver);

    const frame = this.visitFunction(node, null, { name, receiver });
    this.namedFrames.set(receiver ? `.${name}` : name, frame);
    if (this.test) this.tests.push(this.test.fact);

    this.topName = null;
    this.test = null;
  }

  private receiverType(node: SyntaxNode): string | null {
    const list = firstChild(node, 'receiver');
    const declaration = list?.children.find((child) => child.type === 'parameter_declaration');
    const type = declaration && firstChild(declaration, 'type');
    if (!type) return null;
    // `*Server[T]` → `Server`: the base name is what methods are known by.
    const base = /([A-Za-z_\p{L}][\w\p{L}\p{N}]*)/u.exec(this.text(type).replace(/^[\s*(]+/, ''));
    return base ? base[1]! : null;
  }

  /**
   * Walks a function declaration or literal with its own scope and frame. Literals are recorded as
   * `<enclosing>.funcN`, the way the Go toolchain names them in stack traces.
   */
  private visitFunction(
    node: SyntaxNode,
    deferredBy: FuncFrame | null,
    declared?: { name: string; receiver: string | null },
  ): FuncFrame {
    const name = declared ? declared.name : `${this.topName ?? 'glob'}.func${++this.literalCount}`;
    const fact: GoFunc = {
      name,
      receiver: declared ? declared.receiver : null,
      exported: declared ? /^\p{Lu}/u.test(name) : false,
      line: this.line(node),
      endLine: this.lines.lineOf(Math.max(node.start, node.end - 1)),
      params: [],
      results: [],
      panicLines: [],
      defersRecover: false,
      nilNilReturns: [],
    };
    this.funcs.push(fact);
    const frame: FuncFrame = {
      fact,
      loopDepth: 0,
      deferredBy,
      endless: false,
      everyLoopExits: true,
      deferredNames: [],
      callsRecover: false,
    };

    this.allFrames.push(frame);
    this.scopes.push();
    const receiverList = firstChild(node, 'receiver');
    if (receiverList) this.declareParams(receiverList, null);
    const paramList = firstChild(node, 'parameters');
    if (paramList) this.declareParams(paramList, fact.params);
    const result = firstChild(node, 'result');
    if (result) {
      if (result.type === 'parameter_list') {
        const named: GoParam[] = [];
        this.declareParams(result, named);
        fact.results = named.map((param) => param.type);
      } else fact.results = [collapse(this.text(result))];
    }

    this.frames.push(frame);
    const body = firstChild(node, 'body');
    if (body) this.visit(body);
    this.frames.pop();
    this.scopes.pop();
    return frame;
  }

  private declareParams(list: SyntaxNode, into: GoParam[] | null): void {
    for (const declaration of list.children) {
      if (
        declaration.type !== 'parameter_declaration' &&
        declaration.type !== 'variadic_parameter_declaration'
      ) {
        continue;
      }
      const typeNode = firstChild(declaration, 'type');
      let type = typeNode ? collapse(this.text(typeNode)) : '';
      if (declaration.type === 'variadic_parameter_declaration') type = `...${type}`;
      const meaning: Declaration = {
        loopVar: false,
        chan: typeNode?.type === 'channel_type',
        testing: this.isTestingType(type),
      };
      const names = childrenOf(declaration, 'name');
      if (names.length === 0) into?.push({ name: null, type });
      for (const nameNode of names) {
        const name = this.text(nameNode);
        into?.push({ name, type });
        this.scopes.declare(name, meaning);
      }
    }
  }

  private isTestingType(type: string, letter?: string): boolean {
    if (!this.testingName || !type.startsWith('*')) return false;
    const prefix = `*${this.testingName}.`;
    if (!type.startsWith(prefix) || type.length !== prefix.length + 1) return false;
    const last = type[type.length - 1]!;
    return letter ? last === letter : last === 'T' || last === 'B' || last === 'F';
  }

  private startTest(node: SyntaxNode, name: string, receiver: string | null): TestFrame | null {
    if (receiver !== null || !this.file.path.endsWith('_test.go')) return null;
    for (const [prefix, kind, letter] of testPrefixes) {
      if (!name.startsWith(prefix)) continue;
      const rest = name.slice(prefix.length);
      if (rest !== '' && /^\p{Ll}/u.test(rest)) return null;
      const params = firstChild(node, 'parameters')?.children ?? [];
      const hasResult = firstChild(node, 'result') !== undefined;
      if (letter === null) {
        if (params.length !== 0 || hasResult) return null;
      } else {
        const declaration = params.length === 1 ? params[0]! : null;
        const typeNode = declaration && firstChild(declaration, 'type');
        if (!typeNode || !this.isTestingType(collapse(this.text(typeNode)), letter) || hasResult) return null;
      }
      return {
        fact: { name, kind, line: this.line(node), tableDriven: false, usesSubtests: false },
        rangeDepth: 0,
      };
    }
    return null;
  }

  // ------------------------------------------------------------------------------------------------
  // Calls, go and defer

  private recordCall(node: SyntaxNode, inDefer: boolean, inGo: boolean): GoCall | null {
    const fn = firstChild(node, 'function');
    if (!fn) return null;
    let callee: string;
    let name: string;
    let recv: string | null = null;
    let pkg: string | null = null;
    if (fn.type === 'func_literal') {
      callee = 'func';
      name = 'func';
    } else if (fn.type === 'selector_expression') {
      const operand = firstChild(fn, 'operand');
      const field = firstChild(fn, 'field');
      callee = truncate(compact(this.text(fn)), calleeMax);
      name = field ? this.text(field) : callee;
      recv = operand ? truncate(compact(this.text(operand)), calleeMax) : null;
      if (operand?.type === 'identifier') pkg = this.packageOf(recv ?? '');
    } else {
      callee = truncate(compact(this.text(fn)), calleeMax);
      const last = /([\p{L}_][\p{L}\p{N}_]*)[^\p{L}\p{N}_]*$/u.exec(callee);
      name = last ? last[1]! : callee;
    }
    const isConversion =
      fn.type.endsWith('_type') || (unrecordedCallees.has(callee) && fn.type === 'identifier');
    if (isConversion && !inDefer && !inGo && !this.scopes.resolve(callee)) return null;
    const argList = firstChild(node, 'arguments');
    const args = argList ? argList.children.map((arg) => truncate(this.text(arg), argMax)) : [];
    const call: GoCall = {
      callee,
      name,
      recv,
      pkg,
      line: this.line(node),
      args,
      func: this.funcKey,
      inDefer,
      inGo,
    };
    this.calls.push(call);

    const frame = this.frame;
    if (frame && fn.type === 'identifier') {
      if (callee === 'panic' && !this.scopes.resolve('panic')) frame.fact.panicLines.push(call.line);
      if (callee === 'recover' && !this.scopes.resolve('recover')) {
        frame.callsRecover = true;
        if (frame.deferredBy) frame.deferredBy.fact.defersRecover = true;
        if (inDefer) frame.fact.defersRecover = true;
      }
    }
    if (this.test && name === 'Run' && recv !== null && fn.type === 'selector_expression') {
      const operand = firstChild(fn, 'operand');
      const resolved = operand?.type === 'identifier' ? this.scopes.resolve(recv) : null;
      if (resolved?.declaration.testing) {
        this.test.fact.usesSubtests = true;
        if (this.test.rangeDepth > 0) this.test.fact.tableDriven = true;
      }
    }
    return call;
  }

  private visitCall(node: SyntaxNode, inDefer: boolean, inGo: boolean): void {
    this.recordCall(node, inDefer, inGo);
    this.visitCallParts(node, null);
  }

  /** Visits a call's callee and arguments; a func-literal callee gets the frame it was deferred from. */
  private visitCallParts(node: SyntaxNode, deferredBy: FuncFrame | null): FuncFrame | null {
    let literalFrame: FuncFrame | null = null;
    for (const child of node.children) {
      if (child.field === 'function') {
        if (child.type === 'func_literal') literalFrame = this.visitFunction(child, deferredBy);
        else if (child.type === 'selector_expression') {
          // The callee itself is a call, not a value use; its operand may still be one (http.DefaultClient).
          const operand = firstChild(child, 'operand');
          if (operand) this.visit(operand);
        } else this.visit(child);
      } else this.visit(child);
    }
    return literalFrame;
  }

  private visitGoOrDefer(node: SyntaxNode): void {
    const isGo = node.type === 'go_statement';
    const call = node.children.find((child) => child.type === 'call_expression');
    const frame = this.frame;
    if (!call) {
      this.visitChildren(node);
      return;
    }
    const fn = firstChild(call, 'function');
    const recorded = this.recordCall(call, !isGo, isGo);
    const isLiteral = fn?.type === 'func_literal';
    const capture: CaptureFrame | null = isLiteral
      ? { scopeDepth: this.scopes.depth, captured: new Set() }
      : null;
    if (capture) this.captures.push(capture);
    const literalFrame = this.visitCallParts(call, isGo ? null : (frame ?? null));
    if (capture) this.captures.pop();

    const passed = new Set(
      (firstChild(call, 'arguments')?.children ?? [])
        .filter((arg) => arg.type === 'identifier')
        .map((arg) => this.text(arg)),
    );
    const capturedLoopVars = capture ? [...capture.captured].filter((name) => !passed.has(name)).sort() : [];
    const callee = isLiteral ? null : (recorded?.callee ?? null);
    const line = this.line(node);
    const inLoop = (frame?.loopDepth ?? 0) > 0;

    if (isGo) {
      const stmt: GoStmt = {
        line,
        func: this.funcKey,
        callee,
        inLoop,
        capturedLoopVars,
        endlessLoop: literalFrame?.endless ?? false,
        loopExit: literalFrame ? literalFrame.endless && literalFrame.everyLoopExits : false,
      };
      this.goStmts.push(stmt);
      if (!isLiteral && recorded) {
        const key =
          recorded.recv === null ? recorded.name : recorded.pkg === null ? `.${recorded.name}` : null;
        if (key) this.pendingNamedGo.push({ stmt, key });
      }
    } else {
      this.deferStmts.push({ line, func: this.funcKey, callee, inLoop, capturedLoopVars });
      if (frame && !isLiteral && recorded && recorded.pkg === null) frame.deferredNames.push(recorded.name);
    }
  }

  /** Fills in what only the whole file knows: named goroutine bodies and deferred named recover helpers. */
  private resolveNamedFunctions(): void {
    for (const { stmt, key } of this.pendingNamedGo) {
      const target = this.namedFrames.get(key);
      if (!target) continue;
      stmt.endlessLoop = target.endless;
      stmt.loopExit = target.endless && target.everyLoopExits;
    }
    const recoverers = new Set<string>();
    for (const [key, frame] of this.namedFrames)
      if (frame.callsRecover) recoverers.add(key.replace(/^\./, ''));
    if (recoverers.size === 0) return;
    const visitFrames = (frame: FuncFrame): void => {
      if (frame.deferredNames.some((name) => recoverers.has(name))) frame.fact.defersRecover = true;
    };
    this.allFrames.forEach(visitFrames);
  }

  // ------------------------------------------------------------------------------------------------
  // Loops

  private visitFor(node: SyntaxNode, label: string | null): void {
    const frame = this.frame;
    const body = firstChild(node, 'body');
    this.scopes.push();
    let endless = false;
    let exits = false;
    let isRange = false;
    const clause = node.children.find((child) => child !== body);
    if (!clause) endless = true;
    else if (clause.type === 'for_clause') {
      for (const part of clause.children) {
        if (part.field === 'initializer' && part.type === 'short_var_declaration') {
          this.visitShortVar(part, loopVarDeclaration);
        } else this.visit(part);
      }
    } else if (clause.type === 'range_clause') {
      isRange = true;
      const left = firstChild(clause, 'left');
      const right = firstChild(clause, 'right');
      if (right) this.visit(right);
      const defines = left && right && this.source.slice(left.end, right.start).includes(':=');
      if (left && defines) this.declareNames(left, loopVarDeclaration);
      else if (left) this.visit(left);
      if (right) {
        const rangeText = compact(this.text(right));
        const variables = left ? left.children.length : 0;
        if (isTimerChannel(rangeText)) endless = true;
        else if (variables < 2 && this.isChannel(right)) {
          // Ranging over a channel ends when the sender closes it, which is the usual way out.
          endless = true;
          exits = true;
        }
      }
    } else {
      this.visit(clause);
      if (this.text(clause).trim() === 'true') endless = true;
    }

    if (endless && !exits && body) exits = loopBodyHasExit(body, this.source, label);
    if (frame && endless) {
      frame.endless = true;
      if (!exits) frame.everyLoopExits = false;
    }

    if (frame) frame.loopDepth++;
    if (isRange && this.test) this.test.rangeDepth++;
    if (body) this.visit(body);
    if (isRange && this.test) this.test.rangeDepth--;
    if (frame) frame.loopDepth--;
    this.scopes.pop();
  }

  private isChannel(expression: SyntaxNode): boolean {
    if (expression.type === 'identifier') {
      const name = this.text(expression);
      const resolved = this.scopes.resolve(name);
      if (resolved?.declaration.chan) return true;
      return looksLikeChannelName(name);
    }
    if (expression.type === 'selector_expression') {
      const field = firstChild(expression, 'field');
      return field ? looksLikeChannelName(this.text(field)) : false;
    }
    return false;
  }

  // ------------------------------------------------------------------------------------------------
  // Declarations and references

  private visitShortVar(node: SyntaxNode, meaning: Declaration): void {
    const left = firstChild(node, 'left');
    const right = firstChild(node, 'right');
    if (right) this.visitValues(right, left ?? null);
    if (!left) return;
    const values = right?.children ?? [];
    left.children.forEach((target, index) => {
      if (target.type !== 'identifier') return this.visit(target);
      const value = values[index];
      const chan = value !== undefined && /^make\((<-)?chan\b/.test(compact(this.text(value)));
      this.scopes.declare(this.text(target), chan ? { ...meaning, chan } : meaning);
    });
  }

  private visitSpec(node: SyntaxNode): void {
    const typeNode = firstChild(node, 'type');
    const names = childrenOf(node, 'name');
    for (const child of node.children) {
      if (child.field === 'value') this.visitValues(child, names.length === 1 ? names[0]! : null);
    }
    const chan = typeNode?.type === 'channel_type';
    for (const nameNode of names) {
      this.scopes.declare(this.text(nameNode), chan ? { ...plainDeclaration, chan } : plainDeclaration);
    }
  }

  private visitReceive(node: SyntaxNode): void {
    const left = firstChild(node, 'left');
    const right = firstChild(node, 'right');
    if (right) this.visit(right);
    if (!left) return;
    if (right && this.source.slice(left.end, right.start).includes(':='))
      this.declareNames(left, plainDeclaration);
    else this.visit(left);
  }

  /**
   * `x.Y = v`, `a.b.C += v`: targets are visited before values (source order), and selector targets are
   * recorded. The operator is the text between the two lists, as it is an anonymous token.
   */
  private visitAssignment(node: SyntaxNode): void {
    const left = node.children[0];
    const right = node.children[node.children.length - 1];
    if (node.children.length !== 2 || left?.type !== 'expression_list' || right?.type !== 'expression_list') {
      this.visitChildren(node);
      return;
    }
    const targets = left.children;
    const values = right.children;
    // The text between the lists may hold a comment as well as the operator.
    const op = /[-+*/%&|^<>]*=/.exec(this.source.slice(left.end, right.start))?.[0] ?? '=';
    for (let index = 0; index < targets.length; index++) {
      const target = targets[index]!;
      this.visit(target);
      if (target.type !== 'selector_expression') continue;
      const field = target.children[target.children.length - 1];
      if (field?.type !== 'field_identifier') continue;
      const value = values.length === targets.length ? values[index]! : right;
      this.assignments.push({
        lhs: truncate(compact(this.text(target)), calleeMax),
        field: this.text(field),
        rhs: truncate(this.text(value), argMax),
        op,
        line: this.line(target),
        func: this.funcKey,
      });
    }
    this.visitValues(right, op === '=' ? left : null);
  }

  /**
   * Visits a value list; when it pairs one to one with `targets` (an expression list or a single name),
   * a call or composite literal that is a whole value is marked with the target it is bound to.
   */
  private visitValues(values: SyntaxNode, targets: SyntaxNode | null): void {
    const names = targets === null ? [] : targets.type === 'expression_list' ? targets.children : [targets];
    const paired = names.length === values.children.length;
    for (let index = 0; index < values.children.length; index++) {
      const value = values.children[index]!;
      const target = paired ? names[index]! : null;
      const blank =
        target?.type === 'identifier' && target.end - target.start === 1 && this.source[target.start] === '_';
      // `_ = f()` binds nothing.
      const bindable =
        target !== null && !blank && (target.type === 'identifier' || target.type === 'selector_expression');
      let inner = value;
      if (bindable && value.type === 'unary_expression' && this.source[value.start] === '&')
        inner = value.children[0] ?? value;
      if (bindable && inner.type === 'call_expression') {
        const call = this.recordCall(inner, false, false);
        if (call) call.assignedTo = truncate(compact(this.text(target)), calleeMax);
        this.visitCallParts(inner, null);
      } else if (bindable && inner.type === 'composite_literal') {
        const composite = this.visitComposite(inner);
        if (composite) composite.assignedTo = truncate(compact(this.text(target)), calleeMax);
      } else this.visit(value);
    }
  }

  /** `switch v := x.(type)`: the value is read before the alias exists. */
  private visitTypeSwitch(node: SyntaxNode): void {
    const alias = firstChild(node, 'alias');
    for (const child of node.children) {
      if (child.field === 'alias') continue;
      this.visit(child);
      if (child.field === 'value' && alias) this.declareNames(alias, plainDeclaration);
    }
  }

  private declareNames(list: SyntaxNode, meaning: Declaration): void {
    const names = list.type === 'expression_list' ? list.children : [list];
    for (const name of names) {
      if (name.type === 'identifier') this.scopes.declare(this.text(name), meaning);
      else this.visit(name);
    }
  }

  /** An identifier read as a value: record it when it is a loop variable captured by a go/defer closure. */
  private reference(node: SyntaxNode): void {
    if (this.captures.length === 0) return;
    const name = this.text(node);
    const resolved = this.scopes.resolve(name);
    if (!resolved?.declaration.loopVar) return;
    for (let index = this.captures.length - 1; index >= 0; index--) {
      const capture = this.captures[index]!;
      if (resolved.depth >= capture.scopeDepth) break;
      capture.captured.add(name);
    }
  }

  // ------------------------------------------------------------------------------------------------
  // Values: selectors, composites, strings, returns

  private visitSelector(node: SyntaxNode): void {
    const operand = firstChild(node, 'operand');
    if (!operand) return;
    if (operand.type === 'identifier') {
      const pkg = this.packageOf(this.text(operand));
      if (pkg !== null) {
        this.selectors.push({
          text: truncate(compact(this.text(node)), calleeMax),
          pkg,
          line: this.line(node),
        });
      }
    }
    this.visit(operand);
  }

  private visitComposite(node: SyntaxNode): GoComposite | null {
    const typeNode = firstChild(node, 'type');
    const body = firstChild(node, 'body');
    let composite: GoComposite | null = null;
    if (typeNode && ['type_identifier', 'qualified_type', 'generic_type'].includes(typeNode.type)) {
      const fields: Record<string, string> = {};
      for (const element of body?.children ?? []) {
        if (element.type !== 'keyed_element') continue;
        const key = element.children[0];
        const value = element.children[1];
        if (key && value) fields[compact(this.text(key))] = truncate(this.text(value), argMax);
      }
      const base = typeNode.type === 'generic_type' ? (firstChild(typeNode, 'type') ?? typeNode) : typeNode;
      let pkg: string | null = null;
      let typeName = this.text(base);
      if (base.type === 'qualified_type') {
        const pkgNode = firstChild(base, 'package');
        const nameNode = firstChild(base, 'name');
        pkg = pkgNode ? (this.importsByName.get(this.text(pkgNode)) ?? null) : null;
        typeName = nameNode ? this.text(nameNode) : typeName;
      }
      composite = {
        type: collapse(this.text(typeNode)),
        pkg,
        typeName,
        fields,
        line: this.line(node),
        func: this.funcKey,
      };
      this.composites.push(composite);
    }
    if (body) this.visit(body);
    return composite;
  }

  private visitKeyedElement(node: SyntaxNode): void {
    const [key, value] = node.children;
    // A bare identifier key is a struct field name, not a reference to a variable.
    const keyIsFieldName = key?.type === 'literal_element' && key.children[0]?.type === 'identifier';
    if (key && !keyIsFieldName) this.visit(key);
    if (value) this.visit(value);
  }

  private recordString(node: SyntaxNode): void {
    if (node.end - node.start > stringMax * 6 + 2) return;
    const value = stringValue(this.text(node));
    if (value.length === 0 || value.length > stringMax) return;
    this.strings.push({ value, line: this.line(node) });
  }

  /** Struct tags (`env:"DATABASE_URL"`) are strings worth keeping; nothing else in a type is. */
  private visitTypeForTags(node: SyntaxNode): void {
    for (const child of node.children) {
      if (child.type === 'raw_string_literal' || child.type === 'interpreted_string_literal') {
        this.recordString(child);
      } else if (child.children.length > 0) this.visitTypeForTags(child);
    }
  }

  private checkNilNilReturn(node: SyntaxNode): void {
    const frame = this.frame;
    const list = node.children[0];
    if (!frame || list?.type !== 'expression_list' || list.children.length !== 2) return;
    if (list.children.every((value) => value.type === 'nil')) frame.fact.nilNilReturns.push(this.line(node));
  }
}

function posixDir(file: string): string {
  const dir = path.posix.dirname(file);
  return dir === '' ? '.' : dir;
}
