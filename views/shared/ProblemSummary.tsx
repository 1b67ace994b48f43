// What stopped a form (an admin's, or the officer's update from the count), at the top of the
// page and read out first (GOV.UK's error summary): a heading that says nothing was changed,
// then every problem. Nothing when none.
export function ProblemSummary({ title, problems }: { title: string; problems: readonly string[] }) {
  if (problems.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1}>
      <h2>{title}</h2>
      <ul>
        {problems.map((problem) => (
          <li>{problem}</li>
        ))}
      </ul>
    </div>
  );
}
