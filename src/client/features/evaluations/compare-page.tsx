export default function ComparePage() { return <p>Evaluations are on their way.</p>; }
