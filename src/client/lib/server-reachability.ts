import { createContext, useContext } from 'react';

/**
 * Whether the console's server is unreachable right now. The app knows it (the session failed to load) and
 * provides it; components read it here, so a shared component needs no feature to know it.
 */
export const ServerUnreachableContext = createContext(false);

export const useServerUnreachable = (): boolean => useContext(ServerUnreachableContext);
