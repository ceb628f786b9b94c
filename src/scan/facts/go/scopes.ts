// A lexical scope stack for one Go file, just precise enough to tell what an identifier refers to: a loop
// variable (for the goroutine capture hazard), a channel, a *testing.T, or something else. Package-level
// names are not tracked, so an identifier that resolves to nothing is a package-level name or an import.

export interface Declaration {
  /** Declared by a `for` clause or `for … range` with `:=`. */
  loopVar: boolean;
  /** Typed `chan …`/`<-chan …` or made with `make(chan …)`. */
  chan: boolean;
  /** A parameter of type *testing.T, *testing.B or *testing.F. */
  testing: boolean;
}

export const plainDeclaration: Declaration = { loopVar: false, chan: false, testing: false };
export const loopVarDeclaration: Declaration = { loopVar: true, chan: false, testing: false };

export interface Resolved {
  declaration: Declaration;
  /** Depth of the scope that declares the name (0 = outermost function scope). */
  depth: number;
}

export class ScopeStack {
  private readonly scopes: Map<string, Declaration>[] = [];

  get depth(): number {
    return this.scopes.length;
  }

  push(): void {
    this.scopes.push(new Map());
  }

  pop(): void {
    this.scopes.pop();
  }

  declare(name: string, declaration: Declaration): void {
    if (name === '_' || this.scopes.length === 0) return;
    this.scopes[this.scopes.length - 1]!.set(name, declaration);
  }

  resolve(name: string): Resolved | null {
    for (let depth = this.scopes.length - 1; depth >= 0; depth--) {
      const declaration = this.scopes[depth]!.get(name);
      if (declaration) return { declaration, depth };
    }
    return null;
  }
}
