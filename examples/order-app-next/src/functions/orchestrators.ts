import * as df from 'durable-functions';
import { OrchestrationContext, Task } from 'durable-functions';
import { ApprovalRequest, ApprovalResult, OrderInput, OrderResult, ReminderInput, ValidationResult } from '../models';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** Orders at or above this total need a human approval (ApproveOrder). */
const APPROVAL_THRESHOLD = 1000;

/** How long an approver has to answer. 72 h is below the 6-day maximumShortTimerDuration: one timer. */
const APPROVAL_WINDOW_MS = 72 * HOUR_MS;

/** 10 days is above the 6-day maximumShortTimerDuration: the SDK turns it into a long timer. */
const REMINDER_DELAY_MS = 10 * DAY_MS;

/** ChargePayment: first retry after 5 s, at most 3 attempts. */
const PAYMENT_RETRY = new df.RetryOptions(5000, 3);

/** The single inventory entity shared by all orders. */
const INVENTORY = new df.EntityId('inventory', 'main');

/**
 * Validate, reserve stock, get approval for large orders, charge, ship.
 * Every `yield` below is a step recorded in the instance history.
 */
function* processOrder(context: OrchestrationContext): Generator<Task, OrderResult, any> {
    const input = context.df.getInput<OrderInput>();
    const orderId = input.orderId;
    const count = input.items.reduce((sum, item) => sum + item.qty, 0);

    const order: ValidationResult = yield context.df.callActivity('ValidateOrder', input);
    if (!order.valid) {
        return { status: 'rejected', orderId };
    }

    // BREAKING (new in 2.0.0): a new step before the fan-out. Instances in flight past ValidateOrder have
    // ReserveItem recorded as their next step, so replaying them against this code is nondeterministic.
    yield context.df.callActivity('CheckFraud', { orderId, total: input.total });

    yield context.df.Task.all(input.items.map((item) => context.df.callActivity('ReserveItem', item)));

    yield context.df.callEntity(INVENTORY, 'reserve', count);

    if (input.total >= APPROVAL_THRESHOLD) {
        const request: ApprovalRequest = { orderId, total: input.total };
        const approvalId = `${context.df.instanceId}:approval`;
        const approval: ApprovalResult = yield context.df.callSubOrchestrator('ApproveOrder', request, approvalId);
        if (approval?.approved !== true) {
            return { status: 'rejected', orderId };
        }
    }

    yield context.df.callActivityWithRetry('ChargePayment', PAYMENT_RETRY, { orderId, total: input.total });

    // SAFE (changed in 2.0.0): ShipOrder gets a different input. Replay never compares inputs, only
    // the name and order of the scheduled steps, so in-flight instances are unaffected.
    const priority = input.total >= APPROVAL_THRESHOLD ? 'express' : 'standard';
    const tracking: string = yield context.df.callActivity('ShipOrder', { orderId, priority });

    context.df.signalEntity(INVENTORY, 'release', count);

    return { status: 'shipped', orderId, tracking };
}

/** Waits up to 72 h for an `Approval` event (payload: boolean). */
function* approveOrder(context: OrchestrationContext): Generator<Task, ApprovalResult, any> {
    // BUG (new in 2.0.0): the deadline is read from the wall clock instead of
    // context.df.currentUtcDateTime. Replay alone passes (the runtime keeps the timer it recorded
    // and does not compare fire times), but every replay computes another deadline: anything
    // decided from it differs between replays, and with a window over 6 days (a long timer, which
    // the SDK continues toward that time) the instance would never finish. `durable-gate lint` and
    // `durable-gate replay --perturb` catch it.
    const deadline = new Date(Date.now() + APPROVAL_WINDOW_MS);
    const timer = context.df.createTimer(deadline);
    const approval = context.df.waitForExternalEvent('Approval');

    const winner: Task = yield context.df.Task.any([approval, timer]);

    if (winner === approval) {
        timer.cancel();
        return { approved: approval.result === true };
    }
    return { approved: false, reason: 'timeout' };
}

/** Sleeps 10 days, then nudges the customer. */
function* reminderOrder(context: OrchestrationContext): Generator<Task, void, any> {
    const input = context.df.getInput<ReminderInput>();
    const remindAt = new Date(context.df.currentUtcDateTime.getTime() + REMINDER_DELAY_MS);

    yield context.df.createTimer(remindAt);

    yield context.df.callActivity('SendReminder', input);
}

df.app.orchestration('ProcessOrder', processOrder);
df.app.orchestration('ApproveOrder', approveOrder);
df.app.orchestration('ReminderOrder', reminderOrder);
