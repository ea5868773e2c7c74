export default function NewEvaluation() { return <p>Evaluations are on their way.</p>; }
