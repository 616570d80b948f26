import * as df from 'durable-functions';
import { EntityContext } from 'durable-functions';

/**
 * `inventory`: the number of units currently reserved by orders in flight.
 *   reserve(n) -> new count
 *   release(n) -> new count (never below 0)
 *   get()      -> current count
 */
function inventory(context: EntityContext<number>): void {
    const current = context.df.getState(() => 0) ?? 0;

    switch (context.df.operationName) {
        case 'reserve': {
            const next = current + (context.df.getInput<number>() ?? 0);
            context.df.setState(next);
            context.df.return(next);
            break;
        }
        case 'release': {
            const next = Math.max(0, current - (context.df.getInput<number>() ?? 0));
            context.df.setState(next);
            context.df.return(next);
            break;
        }
        case 'get':
            context.df.return(current);
            break;
        default:
            throw new Error(`inventory: unknown operation '${context.df.operationName}'`);
    }
}

df.app.entity('inventory', inventory);
