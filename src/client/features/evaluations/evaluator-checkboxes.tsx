import LockOutlined from '@mui/icons-material/LockOutlined';
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useId } from 'react';
import type { EvaluationType } from '../../../shared/evaluations.ts';

interface EvaluatorCheckboxesProps {
  types: readonly EvaluationType[];
  value: readonly string[];
  onChange: (ids: string[]) => void;
  error?: string;
}

/**
 * One checkbox per evaluation type, named by the type alone ("Cost"), its description (and, for a
 * mandatory one, that it is always included) as the checkbox's description; mandatory ones are always
 * on and locked.
 */
export function EvaluatorCheckboxes({ types, value, onChange, error }: EvaluatorCheckboxesProps) {
  const usable = types.filter((t) => t.enable || value.includes(t.id));
  const rowId = useId();
  return (
    <FormControl component="fieldset" error={!!error}>
      <FormLabel component="legend">Evaluators</FormLabel>
      <FormGroup>
        {usable.map((t, i) => {
          const id = (part: string) => `${rowId}-${i}-${part}`;
          return (
            <FormControlLabel
              key={t.id}
              // Locked is not unavailable: a mandatory evaluator's name and description stay fully readable.
              sx={{ alignItems: 'flex-start', mt: 0.5, '& .MuiFormControlLabel-label.Mui-disabled': { color: 'text.primary' } }}
              control={
                <Checkbox
                  sx={{ pt: 0.25 }}
                  checked={t.mandatory || value.includes(t.id)}
                  disabled={t.mandatory}
                  onChange={(e) => onChange(e.target.checked ? [...value, t.id] : value.filter((x) => x !== t.id))}
                  slotProps={{
                    input: { 'aria-labelledby': id('name'), 'aria-describedby': [...(t.mandatory ? [id('locked')] : []), id('description')].join(' ') },
                  }}
                />
              }
              label={
                <span>
                  <Typography component="span" id={id('name')} sx={{ fontWeight: 500 }}>
                    {t.name}
                  </Typography>
                  {t.mandatory && (
                    <Tooltip title="Always included">
                      <LockOutlined id={id('locked')} fontSize="inherit" titleAccess="Always included" sx={{ ml: 0.5, verticalAlign: 'middle' }} />
                    </Tooltip>
                  )}
                  <Typography component="span" id={id('description')} variant="body2" color="text.secondary" sx={{ display: 'block' }}>
                    {t.description}
                  </Typography>
                </span>
              }
            />
          );
        })}
      </FormGroup>
      {error && <FormHelperText>{error}</FormHelperText>}
    </FormControl>
  );
}
