/** What a middleware calls to pass the update on down the chain. */
export type NextFn = () => Promise<void>;
export type Middleware<C> = (ctx: C, next: NextFn) => Promise<void> | void;
export type MiddlewareLike<C> = Middleware<C> | Composer<C>;

function toMiddleware<C>(m: MiddlewareLike<C>): Middleware<C> {
  return m instanceof Composer ? m.middleware() : m;
}

/** Runs middleware in order; each decides whether to call `next`. */
function compose<C>(stack: Middleware<C>[]): Middleware<C> {
  return async (ctx, next) => {
    let index = -1;
    const run = async (i: number): Promise<void> => {
      if (i <= index) throw new Error("next() called twice");
      index = i;
      const mw = i < stack.length ? stack[i] : undefined;
      if (mw) await mw(ctx, () => run(i + 1));
      else await next();
    };
    await run(0);
  };
}

/**
 * A small middleware composer after grammY's: everything is `(ctx, next)`; each feature is its own
 * composer mounted with `use`; filters (`on`, `hears`) run their handlers only when they match and
 * otherwise pass the update on. The bot never sees HTTP.
 */
export class Composer<C> {
  private readonly stack: Middleware<C>[] = [];

  use(...middleware: MiddlewareLike<C>[]): this {
    this.stack.push(...middleware.map(toMiddleware));
    return this;
  }

  /** Handlers run only when `predicate` holds; otherwise the update goes on down the chain. */
  filter(predicate: (ctx: C) => boolean, ...middleware: MiddlewareLike<C>[]): this {
    const inner = compose(middleware.map(toMiddleware));
    this.stack.push((ctx, next) => (predicate(ctx) ? inner(ctx, next) : next()));
    return this;
  }

  middleware(): Middleware<C> {
    return compose([...this.stack]);
  }
}
