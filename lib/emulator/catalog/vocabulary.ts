export const FRAMEWORKS = [
  { slug: 'pytorch', label: 'PyTorch', versions: ['1-13', '2-0', '2-1', '2-2', '2-3', '2-4', '2-5'] },
  { slug: 'tensorflow', label: 'TensorFlow', versions: ['2-11', '2-12', '2-13', '2-14', '2-16'] },
  { slug: 'sklearn', label: 'scikit-learn', versions: ['1-2', '1-3', '1-4', '1-5'] },
  { slug: 'xgboost', label: 'XGBoost', versions: ['1-7', '2-0', '2-1'] },
  { slug: 'huggingface', label: 'Hugging Face Transformers', versions: ['4-36', '4-41', '4-46'] },
  { slug: 'lightgbm', label: 'LightGBM', versions: ['3-3', '4-1', '4-5'] },
  { slug: 'r-tidyverse', label: 'R tidyverse', versions: ['4-2', '4-3', '4-4'] },
  { slug: 'spark', label: 'Spark', versions: ['3-3', '3-4', '3-5'] },
  { slug: 'jax', label: 'JAX', versions: ['0-4'] },
  { slug: 'vllm', label: 'vLLM', versions: ['0-4', '0-5', '0-6'] },
] as const;

export const IMAGE_VARIANTS = [
  { slug: 'gpu', label: 'GPU' },
  { slug: 'cpu', label: 'CPU' },
  { slug: 'inference', label: 'inference' },
  { slug: 'training', label: 'training' },
  { slug: 'notebook', label: 'notebook kernel' },
] as const;

export const TEAMS = ['ds-platform', 'fraud', 'growth', 'search', 'recsys', 'risk', 'nlp', 'vision', 'forecasting'];

export const IMAGE_PURPOSES = [
  'Studio kernel with the team\u2019s pinned dependencies',
  'Base image for SageMaker training jobs',
  'Inference image used by real-time endpoints',
  'Batch transform image with CUDA and cuDNN',
  'Notebook image with Jupyter extensions and internal SDKs',
];

export const IMAGE_FAILURES = [
  'Unable to pull image 123456789012.dkr.ecr.us-east-1.amazonaws.com/ds-platform/kernels:latest: repository does not exist or no pull access.',
  'RoleArn arn:aws:iam::123456789012:role/SageMakerImageRole does not allow sagemaker.amazonaws.com to assume it.',
  'The image exceeds the 35 GB size limit for SageMaker Studio images.',
  'ClientError: the image manifest uses an unsupported platform (linux/arm64); linux/amd64 is required.',
];

export const VERSION_FAILURES = [
  'ImageNotFound: manifest for tag "sha-4f1c2e9" not found in the ECR repository.',
  'AccessDenied: the execution role cannot call ecr:BatchGetImage on the repository.',
  'Kernel spec validation failed: no kernel named "python3" found in /usr/local/share/jupyter/kernels.',
  'Internal error while copying the image; retry the CreateImageVersion call.',
];

export const MODEL_GROUPS = [
  'churn-xgboost',
  'fraud-detection-models',
  'credit-risk-scorecard',
  'demand-forecast-deepar',
  'product-recs-two-tower',
  'search-ranking-lambdamart',
  'sentiment-distilbert',
  'support-ticket-router',
  'invoice-ocr-layoutlm',
  'price-elasticity-gbm',
  'ltv-prediction',
  'anomaly-detection-rcf',
  'image-moderation-vit',
  'eta-prediction',
  'lead-scoring',
  'inventory-replenishment',
  'call-transcript-summarizer',
  'claims-triage',
  'ad-ctr-prediction',
  'merchant-risk',
  'address-normalizer',
  'query-intent-classifier',
  'next-best-action',
  'kyc-document-classifier',
  'energy-load-forecast',
  'sku-embedding',
  'spam-filter-bert',
  'customer-segmentation-kmeans',
  'translation-marian-en-de',
  'defect-detection-yolo',
  'payment-retry-optimizer',
  'toxicity-classifier',
];

export const UNVERSIONED_BASES = [
  'bert-base-uncased',
  'resnet50-imagenet',
  'xgboost-tabular',
  'prophet-forecaster',
  'llama-3-8b-instruct',
  'whisper-small',
  'clip-vit-b32',
  'mistral-7b',
  't5-small-summarizer',
  'yolov8-detector',
  'catboost-baseline',
  'isolation-forest',
  'marketplace-sentiment',
  'tabtransformer',
  'sentence-transformers-minilm',
];

export const LIFECYCLE = [
  { Stage: 'Development', StageStatus: 'InProgress', StageDescription: 'Experiment tracking in progress' },
  {
    Stage: 'Staging',
    StageStatus: 'PendingApproval',
    StageDescription: 'Shadow deployment against production traffic',
  },
  { Stage: 'Staging', StageStatus: 'Approved', StageDescription: 'Offline metrics and load test passed' },
  { Stage: 'Production', StageStatus: 'Approved', StageDescription: 'Serving 100% of traffic' },
  { Stage: 'Production', StageStatus: 'Rejected', StageDescription: 'Rolled back after latency regression' },
  { Stage: 'Archived', StageStatus: 'Approved', StageDescription: 'Superseded by a newer version' },
] as const;

export const PACKAGE_DESCRIPTIONS = [
  'Retrained on the last 90 days of data',
  'Weekly retrain from the scheduled pipeline',
  'Hyperparameter sweep winner (AUC +0.7 pt)',
  'Hotfix: corrected feature leakage in the label window',
  'Modèle entraîné sur les données européennes — conforme RGPD',
  'Quantized to int8 for cheaper inference',
  'Candidate from the A/B test, 5% traffic',
  '数据漂移修复后的重新训练版本',
];

export const GROUP_DESCRIPTIONS = [
  'Production models promoted through the CI pipeline',
  'Nightly retrains on the feature store snapshot',
  'Candidates evaluated against the holdout set before approval',
  'Owned by the risk team; approvals need two reviewers',
  'Batch scoring models for the data warehouse',
  'Real-time endpoint models, canary deployed',
  'Experiments graduated from the research workspace',
  'Groupe de modèles validés pour la région UE',
];

/** The account of the central model registry that shares groups with the others. */
export const CENTRAL_REGISTRY_ACCOUNT = '210987654321';

export const SHARED_GROUPS = [
  'central-churn-xgboost',
  'central-fraud-ensemble',
  'central-llm-guardrails',
  'central-credit-risk',
  'central-embeddings',
  'central-forecasting',
  'central-ocr',
  'central-ranking',
];
