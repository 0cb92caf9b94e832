// express is a devDependency of the interop glue only. These are the few members
// scimmy-server.ts uses, so that it is type-checked without a second package (@types/express).
declare module 'express' {
  import type { Server } from 'node:http';

  namespace express {
    interface Request {
      header(name: string): string | undefined;
    }
    interface Application {
      use(path: string, handler: unknown): void;
      listen(port: number, host: string, callback: () => void): Server;
    }
  }
  function express(): express.Application;
  export default express;
}
