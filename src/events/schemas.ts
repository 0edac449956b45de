// The event schemas as data (descriptions, examples, property names) for messages, suggestions
// and editor help. Validation itself uses the ajv code compiled ahead of time (src/generated/events.js).
import aliyun_apigw from '../../schemas/events/aliyun/apigw.json' with { type: 'json' };
import aliyun_cdn from '../../schemas/events/aliyun/cdn.json' with { type: 'json' };
import aliyun_http from '../../schemas/events/aliyun/http.json' with { type: 'json' };
import aliyun_kafka from '../../schemas/events/aliyun/kafka.json' with { type: 'json' };
import aliyun_mns_queue from '../../schemas/events/aliyun/mns-queue.json' with { type: 'json' };
import aliyun_mns_topic from '../../schemas/events/aliyun/mns-topic.json' with { type: 'json' };
import aliyun_oss_eventbridge from '../../schemas/events/aliyun/oss-eventbridge.json' with { type: 'json' };
import aliyun_oss from '../../schemas/events/aliyun/oss.json' with { type: 'json' };
import aliyun_rabbitmq from '../../schemas/events/aliyun/rabbitmq.json' with { type: 'json' };
import aliyun_rocketmq from '../../schemas/events/aliyun/rocketmq.json' with { type: 'json' };
import aliyun_sls from '../../schemas/events/aliyun/sls.json' with { type: 'json' };
import aliyun_tablestore from '../../schemas/events/aliyun/tablestore.json' with { type: 'json' };
import aliyun_timer from '../../schemas/events/aliyun/timer.json' with { type: 'json' };
import aws_s3 from '../../schemas/events/aws/s3.json' with { type: 'json' };
import huawei_apig from '../../schemas/events/huawei/apig.json' with { type: 'json' };
import huawei_cts from '../../schemas/events/huawei/cts.json' with { type: 'json' };
import huawei_dis from '../../schemas/events/huawei/dis.json' with { type: 'json' };
import huawei_kafka from '../../schemas/events/huawei/kafka.json' with { type: 'json' };
import huawei_lts from '../../schemas/events/huawei/lts.json' with { type: 'json' };
import huawei_obs from '../../schemas/events/huawei/obs.json' with { type: 'json' };
import huawei_rabbitmq from '../../schemas/events/huawei/rabbitmq.json' with { type: 'json' };
import huawei_rocketmq from '../../schemas/events/huawei/rocketmq.json' with { type: 'json' };
import huawei_smn from '../../schemas/events/huawei/smn.json' with { type: 'json' };
import huawei_timer from '../../schemas/events/huawei/timer.json' with { type: 'json' };
import jdcloud_apigw from '../../schemas/events/jdcloud/apigw.json' with { type: 'json' };
import jdcloud_oss from '../../schemas/events/jdcloud/oss.json' with { type: 'json' };
import tencent_apigw from '../../schemas/events/tencent/apigw.json' with { type: 'json' };
import tencent_ckafka from '../../schemas/events/tencent/ckafka.json' with { type: 'json' };
import tencent_clb from '../../schemas/events/tencent/clb.json' with { type: 'json' };
import tencent_cls from '../../schemas/events/tencent/cls.json' with { type: 'json' };
import tencent_cmq from '../../schemas/events/tencent/cmq.json' with { type: 'json' };
import tencent_cos from '../../schemas/events/tencent/cos.json' with { type: 'json' };
import tencent_timer from '../../schemas/events/tencent/timer.json' with { type: 'json' };

export type JsonSchema = Record<string, unknown>;

/** Root schema per "vendor/type". */
export const SCHEMAS: Record<string, JsonSchema> = {
  'aliyun/apigw': aliyun_apigw,
  'aliyun/cdn': aliyun_cdn,
  'aliyun/http': aliyun_http,
  'aliyun/kafka': aliyun_kafka,
  'aliyun/mns-queue': aliyun_mns_queue,
  'aliyun/mns-topic': aliyun_mns_topic,
  'aliyun/oss-eventbridge': aliyun_oss_eventbridge,
  'aliyun/oss': aliyun_oss,
  'aliyun/rabbitmq': aliyun_rabbitmq,
  'aliyun/rocketmq': aliyun_rocketmq,
  'aliyun/sls': aliyun_sls,
  'aliyun/tablestore': aliyun_tablestore,
  'aliyun/timer': aliyun_timer,
  'aws/s3': aws_s3,
  'huawei/apig': huawei_apig,
  'huawei/cts': huawei_cts,
  'huawei/dis': huawei_dis,
  'huawei/kafka': huawei_kafka,
  'huawei/lts': huawei_lts,
  'huawei/obs': huawei_obs,
  'huawei/rabbitmq': huawei_rabbitmq,
  'huawei/rocketmq': huawei_rocketmq,
  'huawei/smn': huawei_smn,
  'huawei/timer': huawei_timer,
  'jdcloud/apigw': jdcloud_apigw,
  'jdcloud/oss': jdcloud_oss,
  'tencent/apigw': tencent_apigw,
  'tencent/ckafka': tencent_ckafka,
  'tencent/clb': tencent_clb,
  'tencent/cls': tencent_cls,
  'tencent/cmq': tencent_cmq,
  'tencent/cos': tencent_cos,
  'tencent/timer': tencent_timer,
};
