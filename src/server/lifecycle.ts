// The server's lifecycle as readiness sees it: ready once its data is loaded, not ready while draining.
export interface Lifecycle {
  /** True once the trees are loaded and the app can answer real requests. */
  loaded: boolean;
  /** True from the moment shutdown starts; readiness fails so load balancers stop sending traffic. */
  draining: boolean;
}

export function createLifecycle(): Lifecycle {
  return { loaded: false, draining: false };
}

export const isReady = (state: Lifecycle): boolean => state.loaded && !state.draining;
