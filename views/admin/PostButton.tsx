// One admin action as a button: a small form posting to `action` with the session's CSRF token.
export function PostButton({ action, label, csrf, kind = 'secondary' }: { action: string; label: string; csrf: string; kind?: string }) {
  return (
    <form method="post" action={action}>
      <input type="hidden" name="_csrf" value={csrf} />
      <button type="submit" class={kind}>
        {label}
      </button>
    </form>
  );
}
