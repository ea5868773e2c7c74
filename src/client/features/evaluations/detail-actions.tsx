import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import DownloadOutlined from '@mui/icons-material/DownloadOutlined';
import PrintOutlined from '@mui/icons-material/PrintOutlined';
import ReplayOutlined from '@mui/icons-material/ReplayOutlined';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import type { Evaluation } from '../../../shared/evaluations.ts';
import { downloadText } from './download.ts';
import { exportFileName, toCsv, toJson, type ExportDataset } from './export-evaluation.ts';
import type { ResultRow } from './result-rows.ts';

interface DetailActionsProps {
  evaluation: Evaluation;
  rows: readonly ResultRow[];
  datasets: readonly ExportDataset[];
  rerunTo: string;
  deleting: boolean;
  onDelete: () => void;
}

/** Exports of what is on screen, Re-run (through the prefilled form), Print and Delete (confirmed: there is no undelete). */
export function DetailActions({ evaluation, rows, datasets, rerunTo, deleting, onDelete }: DetailActionsProps) {
  const [confirming, setConfirming] = useState(false);
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }} className="no-print">
      <Button
        variant="outlined"
        startIcon={<DownloadOutlined />}
        onClick={() => downloadText(exportFileName(evaluation.name, 'csv'), toCsv(evaluation, rows, datasets), 'text/csv')}
      >
        Export CSV
      </Button>
      <Button
        variant="outlined"
        startIcon={<DownloadOutlined />}
        onClick={() => downloadText(exportFileName(evaluation.name, 'json'), toJson(evaluation, rows, datasets), 'application/json')}
      >
        Export JSON
      </Button>
      <Button variant="outlined" startIcon={<PrintOutlined />} onClick={() => window.print()}>
        Print
      </Button>
      <Button variant="outlined" startIcon={<ReplayOutlined />} component={RouterLink} to={rerunTo}>
        Re-run
      </Button>
      <Button color="error" variant="outlined" startIcon={<DeleteOutlined />} onClick={() => setConfirming(true)} loading={deleting}>
        Delete
      </Button>
      <ConfirmDialog
        open={confirming}
        title={`Delete “${evaluation.name}”?`}
        confirmLabel="Delete"
        destructive
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          onDelete();
        }}
      >
        Its results will be gone for everyone. The datasets are not affected.
      </ConfirmDialog>
    </Stack>
  );
}
