import { Layout } from '../Layout';

export interface LoginPageProps {
  next: string;
  name?: string;
  error?: string;
}

export function LoginPage({ next, name = '', error }: LoginPageProps) {
  return (
    <Layout title="Sign in · Declare">
      <h1>Sign in</h1>
      <p>For count officers and the council's election team.</p>
      {error && (
        <p class="error" role="alert" id="login-error">
          {error}
        </p>
      )}
      <form method="post" action="/login" class="stack">
        <input type="hidden" name="next" value={next} />
        <label for="name">User name</label>
        <input id="name" name="name" value={name} autocomplete="username" autocapitalize="none" spellcheck={false} required
          aria-describedby={error ? 'login-error' : undefined} />
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        <button type="submit" class="primary">Sign in</button>
      </form>
    </Layout>
  );
}
