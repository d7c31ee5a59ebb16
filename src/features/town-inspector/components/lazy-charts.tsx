import { lazy, Suspense, type ComponentProps } from 'react';
import { Loading } from '../../../components/states';

const charts = () => import('./charts');
const LazyReview = lazy(() => charts().then((m) => ({ default: m.ReviewQueueChart })));
const LazyMemory = lazy(() => charts().then((m) => ({ default: m.MemoryChart })));
const LazyCpu = lazy(() => charts().then((m) => ({ default: m.CpuChart })));
const LazyCost = lazy(() => charts().then((m) => ({ default: m.CostChart })));

const fallback = <Loading label="Loading chart" />;

/** Chart components that load recharts on first use, so it stays out of the first load. */
export function ReviewQueueChart(props: ComponentProps<typeof LazyReview>) {
  return (
    <Suspense fallback={fallback}>
      <LazyReview {...props} />
    </Suspense>
  );
}
export function MemoryChart(props: ComponentProps<typeof LazyMemory>) {
  return (
    <Suspense fallback={fallback}>
      <LazyMemory {...props} />
    </Suspense>
  );
}
export function CpuChart(props: ComponentProps<typeof LazyCpu>) {
  return (
    <Suspense fallback={fallback}>
      <LazyCpu {...props} />
    </Suspense>
  );
}
export function CostChart(props: ComponentProps<typeof LazyCost>) {
  return (
    <Suspense fallback={fallback}>
      <LazyCost {...props} />
    </Suspense>
  );
}
