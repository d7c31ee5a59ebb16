import { badParam, HttpError } from './errors';

type Handler<C> = (ctx: C, params: Record<string, string>) => Promise<unknown>;

interface Route<C> {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: Handler<C>;
}

/** Method + path-pattern routing (`/towns/:townId/beads`); the handler's return value becomes the JSON body. */
export class Router<C> {
  private readonly routes: Route<C>[] = [];

  get(path: string, handler: Handler<C>): this {
    return this.add('GET', path, handler);
  }

  post(path: string, handler: Handler<C>): this {
    return this.add('POST', path, handler);
  }

  put(path: string, handler: Handler<C>): this {
    return this.add('PUT', path, handler);
  }

  patch(path: string, handler: Handler<C>): this {
    return this.add('PATCH', path, handler);
  }

  delete(path: string, handler: Handler<C>): this {
    return this.add('DELETE', path, handler);
  }

  private add(method: string, path: string, handler: Handler<C>): this {
    const names: string[] = [];
    const source = path.replace(/:(\w+)/g, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    this.routes.push({ method, pattern: new RegExp(`^${source}/?$`), names, handler });
    return this;
  }

  /** The matching route, or a 404/405 naming what was asked. */
  match(method: string, path: string): { handler: Handler<C>; params: Record<string, string> } {
    let pathMatched = false;
    for (const route of this.routes) {
      const m = route.pattern.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, i) => {
        try {
          params[name] = decodeURIComponent(m[i + 1]!);
        } catch {
          throw badParam(name, 'is not valid percent-encoding');
        }
      });
      return { handler: route.handler, params };
    }
    if (pathMatched) throw new HttpError(405, 'method_not_allowed', `${method} is not supported on ${path}.`);
    throw new HttpError(404, 'not_found', `No admin API route ${method} ${path.slice(0, 200)}.`);
  }
}
