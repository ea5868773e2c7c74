export default function EditDatasetPage() { return <p>Dataset</p>; }
