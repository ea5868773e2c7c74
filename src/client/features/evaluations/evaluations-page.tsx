export default function EvaluationsPage() { return <p>Evaluations are on their way.</p>; }
