/** digest-fetch ships no types: the part newskg uses. */
declare module 'digest-fetch' {
  export class DigestClient {
    constructor(user: string, password: string, options?: { basic?: boolean; algorithm?: string });
    fetch(url: string, init?: RequestInit): Promise<Response>;
  }
  export default DigestClient;
}
