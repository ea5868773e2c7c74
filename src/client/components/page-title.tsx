import { useParams } from 'react-router';

/**
 * The document title for the current page: what tabs, history and bookmarks show, so several open
 * consoles (or gateways) can be told apart. React hoists `<title>` into the head.
 */
export function PageTitle({ title }: { title: string }) {
  const { gw } = useParams();
  return <title>{[title, gw, 'AI Gateway Console'].filter(Boolean).join(' · ')}</title>;
}
