/** A fetch wrapper that keeps one presenter's cookie, like a browser would. */
export class HttpClient {
  private cookie = '';

  constructor(readonly baseUrl: string) {}

  get cookieHeader(): string {
    return this.cookie;
  }

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const init: RequestInit = { method, headers: { ...headers, ...(this.cookie ? { cookie: this.cookie } : {}) } };
    if (body !== undefined) {
      init.body = typeof body === 'string' || body instanceof FormData ? body : JSON.stringify(body);
      if (!(body instanceof FormData) && !headers['content-type']) {
        (init.headers as Record<string, string>)['content-type'] = 'application/json';
      }
    }
    const response = await fetch(this.baseUrl + path, init);
    const setCookie = response.headers.getSetCookie();
    for (const line of setCookie) {
      const pair = line.split(';')[0] ?? '';
      if (pair.startsWith('ettor_session=')) this.cookie = pair.endsWith('=') ? '' : pair;
    }
    const text = await response.text();
    // Tests read whatever the server answered and assert the shape they expect, so the body stays untyped here.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, body: json, text, headers: response.headers };
  }

  get = (path: string) => this.request('GET', path);
  post = (path: string, body?: unknown) => this.request('POST', path, body ?? {});
  put = (path: string, body: unknown) => this.request('PUT', path, body);
  patch = (path: string, body: unknown) => this.request('PATCH', path, body);
  delete = (path: string) => this.request('DELETE', path);
}

export const PASSWORD = 'correct horse battery';

/** Signs up a presenter (the first becomes admin) and returns a client holding their cookie. */
export async function signedUpClient(baseUrl: string, email = 'speaker@example.se'): Promise<HttpClient> {
  const client = new HttpClient(baseUrl);
  const response = await client.post('/api/auth/signup', { email, password: PASSWORD, name: 'Speaker' });
  if (response.status !== 201) throw new Error(`sign-up failed: ${response.text}`);
  return client;
}
