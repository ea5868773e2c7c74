import ArrowDownward from '@mui/icons-material/ArrowDownward';
import ArrowUpward from '@mui/icons-material/ArrowUpward';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import Alert from '@mui/material/Alert';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useController, type Control } from 'react-hook-form';
import { filterRowName, KEY_META, LOG_KEYS, OPERATOR_LABELS, type Operator } from '../../../shared/filters.ts';
import type { LogResultInfo } from '../../../shared/logs.ts';
import type { ObservedValues } from './builder-data.ts';
import { changeRowKey, isLogKey, type FiltersFormValues } from './filter-rows.ts';
import { Hint } from '../hint.tsx';
import { ValueField } from './value-field.tsx';

export interface FilterRowProps {
  control: Control<FiltersFormValues>;
  index: number;
  count: number;
  onRemove: () => void;
  onMove: (to: number) => void;
  observed?: ObservedValues;
  ranges?: LogResultInfo;
  /** Cloudflare documents one value per filter; say so (but allow it) on rows with several. */
  cloudflare?: boolean;
}

export function FilterRow({ control, index, count, onRemove, onMove, observed, ranges, cloudflare }: FilterRowProps) {
  const name = filterRowName(index);
  const key = useController({ control, name: `filters.${index}.key` });
  const operator = useController({ control, name: `filters.${index}.operator` });
  const value = useController({ control, name: `filters.${index}.value` });
  const meta = isLogKey(key.field.value) ? KEY_META[key.field.value] : undefined;
  const operators: readonly string[] = meta?.operators ?? [];

  const setKey = (next: string) => {
    if (!isLogKey(next)) return;
    const row = changeRowKey({ key: key.field.value, operator: operator.field.value, value: value.field.value }, next);
    key.field.onChange(row.key);
    operator.field.onChange(row.operator);
    value.field.onChange(row.value);
  };

  return (
    <Paper role="group" aria-label={name} variant="outlined" sx={{ p: 1.5 }}>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={1.5} sx={{ alignItems: { md: 'flex-start' } }}>
        <Typography variant="body2" color="text.secondary" sx={{ pt: 1, minWidth: 56 }} aria-hidden>
          {index === 0 ? 'Where' : 'and'}
        </Typography>
        <TextField
          select
          label="Key"
          size="small"
          value={key.field.value}
          onChange={(e) => setKey(e.target.value)}
          onBlur={key.field.onBlur}
          inputRef={key.field.ref}
          error={!!key.fieldState.error}
          helperText={key.fieldState.error?.message ?? ' '}
          sx={{ minWidth: 190 }}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
        >
          {!meta && <option value={key.field.value}>{key.field.value || 'Choose…'}</option>}
          {LOG_KEYS.map((k) => (
            <option key={k} value={k}>
              {KEY_META[k].label}
            </option>
          ))}
        </TextField>
        <TextField
          select
          label="Operator"
          size="small"
          value={operator.field.value}
          onChange={(e) => operator.field.onChange(e.target.value)}
          onBlur={operator.field.onBlur}
          inputRef={operator.field.ref}
          error={!!operator.fieldState.error}
          helperText={operator.fieldState.error?.message ?? ' '}
          sx={{ minWidth: 150 }}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
        >
          {!operators.includes(operator.field.value) && <option value={operator.field.value}>{operator.field.value || '—'}</option>}
          {operators.map((op) => (
            <option key={op} value={op}>
              {OPERATOR_LABELS[op as Operator]}
            </option>
          ))}
        </TextField>
        {meta ? (
          <ValueField
            meta={meta}
            operator={operator.field.value}
            field={value.field}
            error={value.fieldState.error}
            observed={observed}
            ranges={ranges}
            onPreset={(iso) => {
              operator.field.onChange('gt');
              value.field.onChange([iso]);
            }}
          />
        ) : (
          <Typography color="error" sx={{ flex: 1, pt: 1 }}>
            Choose a key to pick a value
          </Typography>
        )}
        <Stack direction="row" spacing={0.5} sx={{ pt: 0.5 }}>
          <Hint title="Move filter up">
            <span>
              <IconButton aria-label="Move filter up" size="small" disabled={index === 0} onClick={() => onMove(index - 1)}>
                <ArrowUpward fontSize="small" />
              </IconButton>
            </span>
          </Hint>
          <Hint title="Move filter down">
            <span>
              <IconButton aria-label="Move filter down" size="small" disabled={index === count - 1} onClick={() => onMove(index + 1)}>
                <ArrowDownward fontSize="small" />
              </IconButton>
            </span>
          </Hint>
          <Hint title="Remove filter">
            <IconButton aria-label="Remove filter" size="small" onClick={onRemove}>
              <DeleteOutline fontSize="small" />
            </IconButton>
          </Hint>
        </Stack>
      </Stack>
      {cloudflare && value.field.value.length > 1 && (
        <Alert severity="info" sx={{ mt: 1 }}>
          Cloudflare documents one value per filter; this row has {value.field.value.length}. It will be sent as is, and
          Cloudflare may refuse or narrow it.
        </Alert>
      )}
    </Paper>
  );
}
