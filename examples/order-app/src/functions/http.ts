import * as df from 'durable-functions';
import { app, HttpHandler, HttpRequest, HttpResponse, InvocationContext } from '@azure/functions';
import { OrderInput } from '../models';

/** POST /api/orders with an OrderInput body: starts ProcessOrder, answers with the status URLs. */
const startOrder: HttpHandler = async (request: HttpRequest, context: InvocationContext): Promise<HttpResponse> => {
    const client = df.getClient(context);
    const order = (await request.json().catch(() => undefined)) as OrderInput | undefined;
    if (!order?.orderId || !Array.isArray(order.items)) {
        return new HttpResponse({ status: 400, body: 'Expected an order: { orderId, customer, items, total }' });
    }

    const instanceId = await client.startNew('ProcessOrder', { instanceId: order.orderId, input: order });
    context.log(`Started ProcessOrder instance '${instanceId}'`);

    return client.createCheckStatusResponse(request, instanceId);
};

app.http('StartOrder', {
    route: 'orders',
    methods: ['POST'],
    authLevel: 'function',
    extraInputs: [df.input.durableClient()],
    handler: startOrder,
});
