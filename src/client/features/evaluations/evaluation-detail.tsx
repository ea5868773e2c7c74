export default function EvaluationDetail() { return <p>Evaluations are on their way.</p>; }
