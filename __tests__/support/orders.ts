/**
 * Histories of the example app's orchestrations (examples/order-app), at any point of their
 * progress, shaped as the runtime records them. Used by the tests, the example histories and the bench.
 */
import { HistoryBuilder } from '../../harness/history/builder.js';

export type OrderStage = 'validate' | 'reserve' | 'entity' | 'approval' | 'charge' | 'ship' | 'done';

export interface OrderSpec {
  orderId: string;
  items?: number;
  total?: number;
  /** Where the instance is waiting. */
  stage: OrderStage;
  /** ChargePayment attempts that failed before one succeeded (each followed by a retry timer). */
  paymentFailures?: number;
  start?: Date;
}

const INVENTORY = { name: 'inventory', key: 'main' };

export function orderInput(spec: OrderSpec): { orderId: string; customer: string; items: { sku: string; qty: number }[]; total: number } {
  const items = Array.from({ length: spec.items ?? 2 }, (_, i) => ({ sku: `SKU-${100 + i}`, qty: 1 + (i % 3) }));
  return { orderId: spec.orderId, customer: `customer-${spec.orderId}`, items, total: spec.total ?? 250 };
}

export function processOrderHistory(spec: OrderSpec): HistoryBuilder {
  const input = orderInput(spec);
  const count = input.items.reduce((sum, item) => sum + item.qty, 0);
  const b = new HistoryBuilder({ instanceId: spec.orderId, name: 'ProcessOrder', input, ...(spec.start ? { start: spec.start } : {}) });
  const validate = b.activity('ValidateOrder');
  if (spec.stage === 'validate') return b.idle();
  b.episode().completed(validate, { valid: true, orderId: spec.orderId });
  const reservations = input.items.map(() => b.activity('ReserveItem'));
  if (spec.stage === 'reserve') return b.idle();
  b.episode();
  input.items.forEach((item, i) => b.completed(reservations[i]!, { sku: item.sku, reserved: item.qty }));
  const reserve = b.entityOperation(INVENTORY, 'reserve', count);
  if (spec.stage === 'entity') return b.idle();
  b.episode().entityResponse(reserve.requestId, count);
  if (input.total >= 1000) {
    const approval = b.subOrchestration('ApproveOrder', `${spec.orderId}:approval`, { orderId: spec.orderId, total: input.total });
    if (spec.stage === 'approval') return b.idle();
    b.episode(60_000).subCompleted(approval, { approved: true });
  }
  let charge = b.activity('ChargePayment');
  for (let failure = 0; failure < (spec.paymentFailures ?? 0); failure++) {
    b.episode().failed(charge, 'Card declined', 'PaymentError: card declined');
    const retryAt = new Date(b.currentTime.getTime() + 5000);
    const timer = b.timer(retryAt);
    b.episode(5000).fired(timer, retryAt);
    charge = b.activity('ChargePayment');
  }
  if (spec.stage === 'charge') return b.idle();
  b.episode().completed(charge, { charged: input.total });
  const ship = b.activity('ShipOrder');
  if (spec.stage === 'ship') return b.idle();
  const tracking = `TRACK-${spec.orderId}`;
  b.episode().completed(ship, tracking);
  b.entityOperation(INVENTORY, 'release', count, true);
  return b.completeExecution({ status: 'shipped', orderId: spec.orderId, tracking });
}

/** An ApproveOrder instance waiting for its approver (timer created), or approved in time. */
export function approveOrderHistory(orderId: string, approved?: boolean): HistoryBuilder {
  const b = new HistoryBuilder({ instanceId: `${orderId}:approval`, name: 'ApproveOrder', input: { orderId, total: 1500 }, parentInstanceId: orderId });
  const deadline = new Date(b.currentTime.getTime() + 72 * 3600_000 - 7);
  b.timer(deadline);
  if (approved === undefined) return b.idle();
  b.episode(3600_000).raised('Approval', approved);
  return b.completeExecution({ approved });
}

/** A ReminderOrder instance inside its 10-day timer, split the way the extension splits it. */
export function reminderOrderHistory(orderId: string, piecesFired: number): HistoryBuilder {
  const b = new HistoryBuilder({ instanceId: `${orderId}:reminder`, name: 'ReminderOrder', input: { orderId, customer: `customer-${orderId}` } });
  const start = b.currentTime.getTime() - 7;
  const final = start + 10 * 86_400_000;
  let now = b.currentTime.getTime() - 7;
  let fireAt = now + 3 * 86_400_000;
  for (let piece = 0; ; piece++) {
    const id = b.timer(new Date(fireAt));
    if (piece >= piecesFired) return b.idle();
    b.episode(fireAt - b.currentTime.getTime() + 5).fired(id, new Date(fireAt));
    now = b.currentTime.getTime();
    if (final - now <= 0) break;
    fireAt = now + Math.min(final - now, 3 * 86_400_000);
  }
  b.activity('SendReminder');
  return b.idle();
}
