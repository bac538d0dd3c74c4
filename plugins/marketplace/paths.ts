export const paths = {
  browse: (categoryId: number, query = '') => `/plugins/marketplace/c/${categoryId}${query ? `?${query}` : ''}`,
  create: (categoryId: number) => `/plugins/marketplace/c/${categoryId}/new`,
  status: (threadId: number) => `/plugins/marketplace/l/${threadId}/status`,
  renew: (threadId: number) => `/plugins/marketplace/l/${threadId}/renew`,
  photos: (threadId: number) => `/plugins/marketplace/l/${threadId}/photos`,
  removePhoto: (threadId: number, uploadId: number) => `/plugins/marketplace/l/${threadId}/photos/${uploadId}/remove`,
  contact: (threadId: number) => `/plugins/marketplace/l/${threadId}/contact`,
};
