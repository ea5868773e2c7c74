import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import { readBoolParam } from '../../../lib/url-state.ts';
import { useUrlParams } from '../../../lib/use-url-params.ts';

/** URL parameter of the "leave out cached and failed logs" toggle. */
export const EXCLUDE_PARAM = 'exclude_cached_failed';

/** Whether cached and failed logs are left out of cost, duration and tokens, as the URL says. */
export function useExcludeCachedFailed(): [boolean, (next: boolean) => void] {
  const [params, update] = useUrlParams();
  return [readBoolParam(params, EXCLUDE_PARAM) === true, (next) => update({ [EXCLUDE_PARAM]: next ? true : undefined }, { replace: true })];
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
