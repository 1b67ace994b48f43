// "There is a problem": every reason a form was refused, at the top of the page, focusable
// so the phone's script or a screen reader lands on it. Nothing when there is no problem.
export function ErrorSummary({ title, messages }: { title: string; messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1}>
      <h2>{title}</h2>
      <ul>
        {messages.map((message) => (
          <li>{message}</li>
        ))}
      </ul>
    </div>
  );
}
