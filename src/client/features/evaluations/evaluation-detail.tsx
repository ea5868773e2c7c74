import Typography from '@mui/material/Typography';

export default function EvaluationDetailPage() {
  return <Typography component="h1" variant="h5">Loading…</Typography>;
}
