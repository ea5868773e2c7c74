import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import { EXCLUDE_PARAM, excludedInUrl } from './analysis-queries.ts';
import { useUrlParams } from '../../../lib/use-url-params.ts';

/** Whether cached and failed logs are left out of cost, duration and tokens, as the URL says. */
export function useExcludeCachedFailed(): [boolean, (next: boolean) => void] {
  const [params, update] = useUrlParams();
  return [excludedInUrl(params), (next) => update({ [EXCLUDE_PARAM]: next ? true : undefined }, { replace: true })];
}

export function ExcludeToggle() {
  const [excluded, setExcluded] = useExcludeCachedFailed();
  return (
    <FormControlLabel
      className="no-print"
      control={<Switch checked={excluded} onChange={(e) => setExcluded(e.target.checked)} />}
      label="Leave out cached and failed logs (cost, duration and tokens)"
    />
  );
}
