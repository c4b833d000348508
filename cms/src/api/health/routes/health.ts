export default {
  routes: [
    {
      method: 'GET',
      path: '/health',
      handler: 'health.check',
      // Public and unauthenticated: load balancers and the operator CLI poll it.
      config: { auth: false, policies: [] },
    },
  ],
};
