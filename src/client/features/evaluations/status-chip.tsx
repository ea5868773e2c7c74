import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlined';
import ErrorOutlined from '@mui/icons-material/ErrorOutlined';
import WarningAmberOutlined from '@mui/icons-material/WarningAmberOutlined';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import Tooltip from '@mui/material/Tooltip';
import { RESULT_STATUS, type Evaluation } from '../../../shared/evaluations.ts';
import { formatElapsed } from '../../lib/format.ts';
import { evaluationStatus } from './evaluation-status.ts';

interface StatusChipProps {
  evaluation: Pick<Evaluation, 'processed' | 'results' | 'created_at'>;
  now: number;
}

/** Running (with its age) / Done / Done with a warning (some evaluator had no figure) / Error. */
export function StatusChip({ evaluation, now }: StatusChipProps) {
  const status = evaluationStatus(evaluation);
  if (status === 'running') {
    const elapsed = formatElapsed(now - Date.parse(evaluation.created_at));
    return (
      <Chip
        size="small"
        color="info"
        variant="outlined"
        icon={<CircularProgress size={12} color="inherit" aria-hidden />}
        label={`Running · ${elapsed}`}
      />
    );
  }
  if (status === 'error') {
    return <Chip size="small" color="error" variant="outlined" icon={<ErrorOutlined />} label="Error" />;
  }
  if (status === 'partial') {
    const failed = evaluation.results.filter((r) => r.status === RESULT_STATUS.error).length;
    const why = `${failed} of ${evaluation.results.length} evaluators produced no result`;
    return (
      <Tooltip title={why} describeChild>
        <Chip size="small" color="warning" variant="outlined" icon={<WarningAmberOutlined />} label="Done" tabIndex={0} />
      </Tooltip>
    );
  }
  return <Chip size="small" color="success" variant="outlined" icon={<CheckCircleOutlined />} label="Done" />;
}
