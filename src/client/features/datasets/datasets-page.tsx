export default function DatasetsPage() { return <p>Datasets</p>; }
