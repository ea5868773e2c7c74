export default function NewDatasetPage() { return <p>New dataset</p>; }
